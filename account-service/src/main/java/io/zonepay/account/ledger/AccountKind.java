package io.zonepay.account.ledger;

/**
 * What an account holds money for; the owner id means something different for each kind.
 */
enum AccountKind {

	/** A user's money; owner is the user id. Never negative. */
	USER,

	/**
	 * Money that came in from outside ZonePay (top-ups); owner is the shard. Goes
	 * negative: it is the outside world's side.
	 */
	FUNDING,

	/** What a merchant earned from payers of this zone; owner is the merchant id. */
	MERCHANT,

	/**
	 * Money in flight to or from another zone; owner is the shard. Goes negative in the
	 * zone that receives transfers: its balance is the shard's net position towards other
	 * zones.
	 */
	TRANSIT;

	/**
	 * Whether the account is a position that may go negative (the outside world's side,
	 * or money in flight between zones) rather than money someone holds.
	 */
	boolean isPosition() {
		return this == FUNDING || this == TRANSIT;
	}

}
