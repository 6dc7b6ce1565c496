package io.zonepay.account.ledger;

/** A leg as the ledger recorded it, with the account's balance right after it. */
record PostedEntry(AccountKey account, long amount, long balanceAfter) {
}
