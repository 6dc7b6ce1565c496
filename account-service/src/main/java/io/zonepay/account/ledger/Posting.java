package io.zonepay.account.ledger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;

/**
 * One balanced movement of money: legs that add up to zero in every currency. It cannot
 * be built unbalanced; the database checks the same rule again when the posting commits.
 *
 * @param reference unique per posting; a second posting with the same reference is the
 * same posting
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
			sums.merge(leg.account().currency(), leg.amount(), Posting::add);
		}
		sums.forEach((currency, sum) -> {
			if (sum != 0) {
				throw new IllegalArgumentException(
						"posting " + reference + " is unbalanced by " + sum + " " + currency);
			}
		});
	}

	/**
	 * Legs whose sum leaves a long cannot balance: an invalid posting, answered as such,
	 * never a 500.
	 */
	private static long add(long sum, long amount) {
		try {
			return Math.addExact(sum, amount);
		}
		catch (ArithmeticException ex) {
			throw new IllegalArgumentException("a posting's legs add up beyond what an amount can hold", ex);
		}
	}

	/**
	 * Money from outside ZonePay into a user's account, through the shard's funding
	 * account.
	 */
	static Posting deposit(PostingId id, AccountKey user, Money amount) {
		if (!amount.isPositive()) {
			throw new IllegalArgumentException("a deposit is positive, not " + amount);
		}
		return new Posting(id, "deposit:" + id, PostingKind.DEPOSIT, user.shard(),
				List.of(new Leg(AccountKey.funding(user.shard(), amount.currency()), -amount.amount()),
						new Leg(user, amount.amount())));
	}

	/** One account's side of a posting: positive credits it, negative debits it. */
	record Leg(AccountKey account, long amount) {
	}
}
