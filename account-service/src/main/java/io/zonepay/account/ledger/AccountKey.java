package io.zonepay.account.ledger;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.zone.Shard;

/** Names an account: one per kind, owner and currency. */
record AccountKey(AccountKind kind, long owner, CurrencyCode currency, Shard shard) {

	static AccountKey user(UserId user, CurrencyCode currency) {
		return new AccountKey(AccountKind.USER, user.value(), currency, user.shard());
	}

	static AccountKey funding(Shard shard, CurrencyCode currency) {
		return new AccountKey(AccountKind.FUNDING, shard.value(), currency, shard);
	}
}
