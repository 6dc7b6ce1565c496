package io.zonepay.account.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;

/**
 * One balanced movement of money: legs that add up to zero in every currency. It cannot be built unbalanced; the
 * database checks the same rule again when the posting commits.
 * @param reference unique per posting; a second posting with the same reference is the same posting
 */
record Posting(PostingId id, String reference, PostingKind kind, Shard shard, List<Leg> legs) {

	Posting {
		legs = List.copyOf(legs);
		if (legs.size() < 2) {
			throw new IllegalArgumentException("a posting moves money between at least two accounts");
		}
		Map<CurrencyCode, Long> sums = new HashMap<>();
		for (Leg leg : legs) {
			if (leg.amount() == 0) {
				throw new IllegalArgumentException("a posting leg moves a non-zero amount");
			}
			sums.merge(leg.account().currency(), leg.amount(), Math::addExact);
		}
		sums.forEach((currency, sum) -> {
			if (sum != 0) {
				throw new IllegalArgumentException("posting " + reference + " is unbalanced by " + sum + " " + currency);
			}
		});
	}

	/** Money from outside ZonePay into a user's account, through the shard's funding account. */
	static Posting deposit(PostingId id, AccountKey user, Money amount) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("a deposit is positive, not " + amount);
		}
		return new Posting(id, "deposit:" + id, PostingKind.DEPOSIT, user.shard(),
				List.of(new Leg(AccountKey.funding(user.shard(), amount.currency()), -amount.amount()), new Leg(user, amount.amount())));
	}

	/** One account's side of a posting: positive credits it, negative debits it. */
	record Leg(AccountKey account, long amount) {
	}
}
