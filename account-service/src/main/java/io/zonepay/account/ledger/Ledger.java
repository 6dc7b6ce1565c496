package io.zonepay.account.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.zonepay.account.AccountProblem;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes postings: the posting, every balance change and every entry in one transaction.
 * A posting's reference is unique, so posting the same reference again moves nothing and
 * answers the first posting. Balances change by atomic {@code balance = balance + amount}
 * updates that refuse to take a user's or merchant's account below zero (funding and
 * transit accounts are positions, which may be negative), taken in account-id order so
 * that concurrent postings on the same accounts serialize instead of deadlocking or
 * losing an update.
 */
@Repository
class Ledger {

	private final JdbcClient jdbc;

	private final Clock clock;

	Ledger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Posts, or finds the posting this reference already settled (posted or voided) and
	 * moves nothing.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Posted post(Posting posting) {
		Instant now = clock.instant();
		boolean inserted = !jdbc.sql("""
				insert into postings (id, reference, kind, shard, created_at) values (?, ?, ?, ?, ?)
				on conflict (reference) do nothing returning id
				""")
			.params(posting.id().value(), posting.reference(), posting.kind().name(), posting.shard().value(),
					Timestamp.from(now))
			.query(Long.class)
			.list()
			.isEmpty();
		if (!inserted) {
			return new Posted(find(posting.reference()).orElseThrow(), false);
		}
		List<ResolvedLeg> legs = new ArrayList<>();
		for (Posting.Leg leg : posting.legs()) {
			legs.add(new ResolvedLeg(accountId(leg.account()), leg));
		}
		legs.sort(Comparator.comparingLong(ResolvedLeg::accountId));
		List<PostedEntry> entries = new ArrayList<>();
		for (ResolvedLeg leg : legs) {
			long balanceAfter = apply(leg);
			jdbc.sql("insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)"
					+ " values (?, ?, ?, ?, ?, ?)")
				.params(posting.id().value(), leg.accountId(), leg.leg().amount(),
						leg.leg().account().currency().code(), balanceAfter, Timestamp.from(now))
				.update();
			entries.add(new PostedEntry(leg.leg().account(), leg.leg().amount(), balanceAfter));
		}
		return new Posted(new PostingRecord(posting.id(), posting.reference(), posting.kind(), now, entries), true);
	}

	/**
	 * Settles a reference as never to be posted, unless it was posted already; answers
	 * what the reference is now.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	PostingRecord voidReference(String reference, PostingId id, Shard shard) {
		jdbc.sql("insert into postings (id, reference, kind, shard, created_at) values (?, ?, 'VOID', ?, ?)"
				+ " on conflict (reference) do nothing")
			.params(id.value(), reference, shard.value(), Timestamp.from(clock.instant()))
			.update();
		return find(reference).orElseThrow();
	}

	Optional<PostingRecord> find(String reference) {
		return jdbc.sql("select id, reference, kind, created_at from postings where reference = ?")
			.param(reference)
			.query((rs, row) -> new PostingRecord(new PostingId(rs.getLong("id")), rs.getString("reference"),
					PostingKind.valueOf(rs.getString("kind")), rs.getTimestamp("created_at").toInstant(),
					entriesOf(new PostingId(rs.getLong("id")))))
			.optional();
	}

	@Transactional(readOnly = true)
	List<Money> balancesOf(UserId user) {
		return jdbc.sql("select currency, balance from accounts where kind = 'USER' and owner_id = ? order by currency")
			.param(user.value())
			.query((rs, row) -> new Money(rs.getLong("balance"), CurrencyCode.of(rs.getString("currency"))))
			.list();
	}

	/** A user's entries, newest first. */
	@Transactional(readOnly = true)
	List<LedgerLine> linesOf(UserId user, int limit) {
		return jdbc.sql("""
				select e.id, p.kind, e.amount, e.currency, e.balance_after, p.reference, e.created_at
				from entries e join accounts a on a.id = e.account_id join postings p on p.id = e.posting_id
				where a.kind = 'USER' and a.owner_id = ?
				order by e.id desc limit ?
				""")
			.params(user.value(), limit)
			.query((rs, row) -> new LedgerLine(new EntryId(rs.getLong(1)), PostingKind.valueOf(rs.getString(2)),
					rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	private List<PostedEntry> entriesOf(PostingId postingId) {
		return jdbc.sql("""
				select a.kind, a.owner_id, a.currency, a.shard, e.amount, e.balance_after
				from entries e join accounts a on a.id = e.account_id where e.posting_id = ? order by e.id
				""")
			.param(postingId.value())
			.query((rs, row) -> new PostedEntry(new AccountKey(AccountKind.valueOf(rs.getString(1)), rs.getLong(2),
					CurrencyCode.of(rs.getString(3)), Shard.of(rs.getInt(4))), rs.getLong(5), rs.getLong(6)))
			.list();
	}

	private long apply(ResolvedLeg leg) {
		long amount = leg.leg().amount();
		return jdbc.sql("""
				update accounts set balance = balance + ?
				where id = ? and (kind in ('FUNDING', 'TRANSIT') or balance + ? >= 0)
				returning balance
				""")
			.params(amount, leg.accountId(), amount)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> insufficientFunds(leg));
	}

	/** The account's id; the account is opened on its first posting. */
	private long accountId(AccountKey key) {
		Optional<Long> existing = findAccountId(key);
		if (existing.isPresent()) {
			return existing.get();
		}
		jdbc.sql("""
				insert into accounts (kind, owner_id, currency, shard) values (?, ?, ?, ?)
				on conflict (kind, owner_id, currency) do nothing
				""").params(key.kind().name(), key.owner(), key.currency().code(), key.shard().value()).update();
		return findAccountId(key).orElseThrow();
	}

	private Optional<Long> findAccountId(AccountKey key) {
		return jdbc.sql("select id from accounts where kind = ? and owner_id = ? and currency = ?")
			.params(key.kind().name(), key.owner(), key.currency().code())
			.query(Long.class)
			.optional();
	}

	private static ProblemException insufficientFunds(ResolvedLeg leg) {
		AccountKey account = leg.leg().account();
		return new ProblemException(AccountProblem.INSUFFICIENT_FUNDS,
				"the " + account.kind().name().toLowerCase(Locale.ROOT) + " account holds less than "
						+ -leg.leg().amount() + " " + account.currency());
	}

	/**
	 * A posting, and whether this call made it (false: the reference was settled before
	 * and nothing moved now).
	 */
	record Posted(PostingRecord posting, boolean created) {
	}

	/** One line of a user's ledger. */
	record LedgerLine(EntryId entryId, PostingKind kind, long amount, String currency, long balanceAfter,
			String reference, Instant createdAt) {
	}

	private record ResolvedLeg(long accountId, Posting.Leg leg) {
	}

}
