package io.zonepay.account.ledger;

/** Why money moved. */
enum PostingKind {

	/** A top-up from outside into a user's account. */
	DEPOSIT
}
