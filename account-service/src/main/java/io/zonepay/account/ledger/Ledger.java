package io.zonepay.account.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.zonepay.account.AccountProblem;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes postings: the posting, every balance change and every entry in one transaction. Balances change by atomic
 * {@code balance = balance + amount} updates that refuse to go below zero, taken in account-id order so that
 * concurrent postings on the same accounts serialize instead of deadlocking or losing an update.
 */
@Repository
class Ledger {

	private final JdbcClient jdbc;

	private final Clock clock = Clock.systemUTC();

	Ledger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	List<PostedEntry> post(Posting posting) {
		Instant now = clock.instant();
		jdbc.sql("insert into postings (id, reference, kind, shard, created_at) values (?, ?, ?, ?, ?)")
			.params(posting.id(), posting.reference(), posting.kind().name(), posting.shard().value(), Timestamp.from(now))
			.update();
		List<ResolvedLeg> legs = new ArrayList<>();
		for (Posting.Leg leg : posting.legs()) {
			legs.add(new ResolvedLeg(accountId(leg.account()), leg));
		}
		legs.sort(Comparator.comparingLong(ResolvedLeg::accountId));
		List<PostedEntry> entries = new ArrayList<>();
		for (ResolvedLeg leg : legs) {
			long balanceAfter = apply(leg);
			jdbc.sql("insert into entries (posting_id, account_id, amount, currency, balance_after, created_at) values (?, ?, ?, ?, ?, ?)")
				.params(posting.id(), leg.accountId(), leg.leg().amount(), leg.leg().account().currency().code(), balanceAfter, Timestamp.from(now))
				.update();
			entries.add(new PostedEntry(leg.leg().account(), leg.leg().amount(), balanceAfter));
		}
		return entries;
	}

	@Transactional(readOnly = true)
	List<Money> balancesOf(UserId user) {
		return jdbc.sql("select currency, balance from accounts where kind = 'USER' and owner_id = ? order by currency")
			.param(user.value())
			.query((rs, row) -> new Money(rs.getLong("balance"), CurrencyCode.of(rs.getString("currency"))))
			.list();
	}

	private long apply(ResolvedLeg leg) {
		long amount = leg.leg().amount();
		return jdbc.sql("""
				update accounts set balance = balance + ?
				where id = ? and (kind = 'FUNDING' or balance + ? >= 0)
				returning balance
				""").params(amount, leg.accountId(), amount).query(Long.class).optional().orElseThrow(() -> insufficientFunds(leg));
	}

	private long accountId(AccountKey key) {
		jdbc.sql("""
				insert into accounts (kind, owner_id, currency, shard) values (?, ?, ?, ?)
				on conflict (kind, owner_id, currency) do nothing
				""").params(key.kind().name(), key.owner(), key.currency().code(), key.shard().value()).update();
		return jdbc.sql("select id from accounts where kind = ? and owner_id = ? and currency = ?")
			.params(key.kind().name(), key.owner(), key.currency().code())
			.query(Long.class)
			.single();
	}

	private static ProblemException insufficientFunds(ResolvedLeg leg) {
		AccountKey account = leg.leg().account();
		return new ProblemException(AccountProblem.INSUFFICIENT_FUNDS,
				"the " + account.kind().name().toLowerCase(java.util.Locale.ROOT) + " account holds less than " + -leg.leg().amount() + " " + account.currency());
	}

	private record ResolvedLeg(long accountId, Posting.Leg leg) {
	}
}
