package io.zonepay.account.ledger;

/** Why money moved. */
enum PostingKind {

	/** A top-up from outside into a user's account. */
	DEPOSIT,

	/**
	 * A user paying a merchant: user account to the merchant's receivable in this zone.
	 */
	PAYMENT,

	/** Money back from a merchant's receivable to the user who paid. */
	REFUND,

	/**
	 * Money between users, possibly through a transit account when they live in different
	 * zones.
	 */
	TRANSFER,

	/**
	 * Not a movement: marks a reference as never to be posted, so that a caller who lost
	 * track of a posting can settle its outcome for good. Has no entries.
	 */
	VOID,

	/**
	 * Written by a live split, never requested: opens an account in the shard group it
	 * moved to (or settles one in the group it left) with what it holds from a transfer
	 * whose posting stayed in the other group, against the group's clearing account.
	 */
	SPLIT

}
