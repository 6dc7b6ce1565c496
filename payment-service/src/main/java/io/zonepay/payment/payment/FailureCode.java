package io.zonepay.payment.payment;

/** Why a payment failed; clients branch on these. */
public enum FailureCode {

	/** The payer does not hold the amount. */
	INSUFFICIENT_FUNDS,

	/** The merchant does not take payments. */
	MERCHANT_INACTIVE,

	/** The risk rules in force refused it. */
	RISK_REJECTED,

	/** Above the payment limit of its currency. */
	LIMIT_EXCEEDED,

	/**
	 * Interrupted (a crash, an outage) before its posting; settled as not paid, so the
	 * order can be paid again.
	 */
	NOT_COMPLETED

}
