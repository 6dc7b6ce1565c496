package io.zonepay.account.ledger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * Writes postings, any number of them in one transaction: the postings, every balance
 * change and every entry. A posting's reference is unique, so posting the same reference
 * again moves nothing and answers the first posting. The accounts a batch moves money on
 * are locked in account-id order, the batch is planned in memory against their balances
 * ({@link PostingPlan}: each posting in turn, a posting that would take a user's or
 * merchant's account below zero refused alone), and each account is then changed once by
 * a guarded {@code balance = balance + sum} update. The database checks every posting
 * again when the transaction commits: its entries sum to zero in each currency.
 * <p>
 * However many postings, a batch whose accounts are open costs four statements: the
 * look-up of its references, the look-up and lock of its accounts, the postings with
 * their entries, and the accounts' update.
 */
@Repository
class Ledger {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Clock clock;

	Ledger(JdbcClient jdbc, Accounts accounts, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Posts, or finds the posting this reference already settled (posted or voided) and
	 * moves nothing; a posting without the money is refused, and the transaction's other
	 * writes are left to the caller.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Posted post(Posting posting) {
		return switch (postAll(List.of(posting)).get(0)) {
			case Posted posted -> posted;
			case Refused refused -> throw refused.problem();
		};
	}

	/**
	 * Posts each posting of a batch in turn, as if they came one by one in this order:
	 * answers, for each, the posting it made, the posting its reference had already
	 * settled (earlier in the batch or before it), or why it was refused. A refused
	 * posting moves nothing and leaves the others posted.
	 * @throws SettledMeanwhile when another transaction settled one of the references
	 * while the batch was planned: the transaction must be rolled back and tried again
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<Outcome> postAll(List<Posting> postings) {
		Instant now = clock.instant();
		Map<String, PostingRecord> settled = findAll(postings.stream().map(Posting::reference).distinct().toList());
		List<AccountKey> named = postings.stream()
			.filter(posting -> !settled.containsKey(posting.reference()))
			.flatMap(posting -> posting.legs().stream())
			.map(Posting.Leg::account)
			.toList();
		Accounts.Locked locked = accounts.lock(named);
		PostingPlan plan = new PostingPlan(locked.ids(), locked.balances(), settled, now);
		List<Outcome> outcomes = new ArrayList<>(postings.size());
		for (Posting posting : postings) {
			outcomes.add(plan.add(posting));
		}
		write(plan, now);
		return outcomes;
	}

	private void write(PostingPlan plan, Instant now) {
		List<Posting> accepted = plan.accepted();
		if (accepted.isEmpty()) {
			return;
		}
		List<PostingPlan.Booking> bookings = plan.bookings();
		// One statement for the postings and their entries. The entries name only the
		// postings it inserted, so that a reference another transaction settled meanwhile
		// ends the batch as SettledMeanwhile, not as a foreign key's failure. Entries go
		// in booking order, so that their ids follow the order in which the balances
		// moved.
		long inserted = jdbc.sql("""
				with posted as (
					insert into postings (id, reference, kind, shard, created_at)
					select id, reference, kind, shard, ?
					from unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::smallint[]) as p(id, reference, kind, shard)
					on conflict (reference) do nothing
					returning id),
				booked as (
					insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)
					select posting_id, account_id, amount, currency, balance_after, ?
					from unnest(?::bigint[], ?::bigint[], ?::bigint[], ?::char(3)[], ?::bigint[]) with ordinality
						as e(posting_id, account_id, amount, currency, balance_after, booked)
					where posting_id in (select id from posted)
					order by booked)
				select count(*) from posted
				""")
			.params(Timestamp.from(now), accepted.stream().mapToLong(posting -> posting.id().value()).toArray(),
					accepted.stream().map(Posting::reference).toArray(String[]::new),
					accepted.stream().map(posting -> posting.kind().name()).toArray(String[]::new),
					accepted.stream().mapToInt(posting -> posting.shard().value()).toArray(), Timestamp.from(now),
					bookings.stream().mapToLong(booking -> booking.posting().value()).toArray(),
					bookings.stream().mapToLong(PostingPlan.Booking::accountId).toArray(),
					bookings.stream().mapToLong(booking -> booking.leg().amount()).toArray(),
					bookings.stream().map(booking -> booking.leg().account().currency().code()).toArray(String[]::new),
					bookings.stream().mapToLong(PostingPlan.Booking::balanceAfter).toArray())
			.query(Long.class)
			.single();
		if (inserted != accepted.size()) {
			throw new SettledMeanwhile((accepted.size() - inserted) + " reference(s) of the batch were settled"
					+ " by another transaction while it was planned");
		}
		accounts.apply(plan.changes());
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

	/** What each of these references already is, for those settled. */
	private Map<String, PostingRecord> findAll(List<String> references) {
		List<PostingRecord> headers = jdbc
			.sql("select id, reference, kind, created_at from postings where reference = any(?::varchar[])")
			.param(references.toArray(String[]::new))
			.query((rs, row) -> new PostingRecord(new PostingId(rs.getLong("id")), rs.getString("reference"),
					PostingKind.valueOf(rs.getString("kind")), rs.getTimestamp("created_at").toInstant(), List.of()))
			.list();
		Map<String, PostingRecord> settled = new HashMap<>();
		for (PostingRecord header : headers) {
			settled.put(header.reference(), new PostingRecord(header.id(), header.reference(), header.kind(),
					header.createdAt(), entriesOf(header.id())));
		}
		return settled;
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

	/**
	 * A posting, and whether this call made it (false: the reference was settled before
	 * and nothing moved now).
	 */
	record Posted(PostingRecord posting, boolean created) implements Outcome {
	}

	/** What became of one posting of a batch. */
	sealed interface Outcome permits Posted, Refused {

	}

	/** A posting refused alone (no such user, not the money): it moved nothing. */
	record Refused(ProblemException problem) implements Outcome {
	}

	/**
	 * Another transaction settled a reference of the batch (a void racing a posting)
	 * between the batch's look-up and its insert: nothing of the batch may be written.
	 */
	static final class SettledMeanwhile extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SettledMeanwhile(String message) {
			super(message);
		}

	}

	/** One line of a user's ledger. */
	record LedgerLine(EntryId entryId, PostingKind kind, long amount, String currency, long balanceAfter,
			String reference, Instant createdAt) {
	}

}
