package io.zonepay.payment.transfer;

/**
 * Why a transfer failed; clients branch on these. In every case the payer keeps, or gets
 * back, the money.
 */
enum TransferFailure {

	/** The payer does not hold the amount. */
	INSUFFICIENT_FUNDS,

	/** Risk control refused it (the rule that did is in its decision). */
	RISK_REJECTED,

	/** No user has the payee's id. */
	RECIPIENT_NOT_FOUND,

	/**
	 * Transfers to other zones are switched off ({@code transfers.crossZone.enabled}).
	 */
	CROSS_ZONE_DISABLED,

	/**
	 * Interrupted (a crash, an outage) before its money moved; settled as never moving.
	 */
	NOT_COMPLETED

}
