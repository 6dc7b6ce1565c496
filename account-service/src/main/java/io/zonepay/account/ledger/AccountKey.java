package io.zonepay.account.ledger;

import io.zonepay.kernel.id.MerchantId;
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

	/** What a merchant earned from this zone's payers, in one currency. */
	static AccountKey merchant(MerchantId merchant, CurrencyCode currency, Shard shard) {
		return new AccountKey(AccountKind.MERCHANT, merchant.value(), currency, shard);
	}

	/** Money of a shard in flight to or from another zone. */
	static AccountKey transit(Shard shard, CurrencyCode currency) {
		return new AccountKey(AccountKind.TRANSIT, shard.value(), currency, shard);
	}

	/**
	 * Accounts are the same account when kind, owner and currency are; the shard only
	 * says where it was opened.
	 */
	boolean sameAccount(AccountKey other) {
		return kind == other.kind && owner == other.owner && currency.equals(other.currency);
	}
}
