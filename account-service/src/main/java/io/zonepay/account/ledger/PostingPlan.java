package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.zonepay.account.AccountProblem;
import io.zonepay.kernel.problem.ProblemException;

/**
 * A batch of postings applied in memory, one after the other in the order they came, to
 * the balances the batch's transaction locked: exactly what posting them one by one would
 * do, decided before anything is written. A posting that would take a user's or a
 * merchant's account below zero is refused alone and moves nothing; the postings after it
 * see the balances as if it never came. A reference settled before the batch, or earlier
 * in it, is answered as it was settled and moves nothing again.
 * <p>
 * What the batch then writes follows from the plan: the new postings, their entries in
 * booking order (each with the balance its account had right after it), and one change
 * per account, the sum of the batch's entries on it. That is how a hot account (a popular
 * merchant's receivable) takes a whole batch of payments in one row update: its balance
 * still equals the sum of its entries, every posting still sums to zero, and no balance
 * that must not go negative ever does, at any point of the order.
 */
final class PostingPlan {

	private final Map<AccountKey, Long> accountIds;

	private final Map<Long, Balance> opening;

	/** The balance of each account after the postings accepted so far. */
	private final Map<Long, Long> running = new HashMap<>();

	private final Map<String, PostingRecord> settled;

	private final Instant now;

	private final List<Posting> accepted = new ArrayList<>();

	private final List<Booking> bookings = new ArrayList<>();

	/**
	 * @param accountIds the id of every account the batch's new postings name
	 * @param opening the balance of each of those accounts as the transaction locked it
	 * @param settled what each reference of the batch already is, for those settled
	 * before
	 * @param now when the batch posts
	 */
	PostingPlan(Map<AccountKey, Long> accountIds, Map<Long, Balance> opening, Map<String, PostingRecord> settled,
			Instant now) {
		this.accountIds = Map.copyOf(accountIds);
		this.opening = Map.copyOf(opening);
		this.settled = new HashMap<>(settled);
		this.now = now;
	}

	/** Applies the next posting of the batch, or refuses it alone. */
	Ledger.Outcome add(Posting posting) {
		PostingRecord earlier = settled.get(posting.reference());
		if (earlier != null) {
			return new Ledger.Posted(earlier, false);
		}
		// Legs in account-id order, as the ledger has always booked them: the entries of
		// a
		// posting and their balances read the same however the batch was made.
		List<Posting.Leg> legs = new ArrayList<>(posting.legs());
		legs.sort(Comparator.comparingLong(leg -> idOf(leg.account())));
		Map<Long, Long> after = new HashMap<>();
		List<PostedEntry> entries = new ArrayList<>();
		List<Booking> booked = new ArrayList<>();
		for (Posting.Leg leg : legs) {
			long accountId = idOf(leg.account());
			long before = after.getOrDefault(accountId, balance(accountId));
			long balance;
			try {
				balance = Math.addExact(before, leg.amount());
			}
			catch (ArithmeticException ex) {
				return new Ledger.Refused(new ProblemException(AccountProblem.AMOUNT_OUT_OF_RANGE,
						"the " + name(leg) + " account cannot hold " + leg.amount() + " more"));
			}
			if (balance < 0 && !kind(accountId).isPosition()) {
				return new Ledger.Refused(insufficientFunds(leg));
			}
			after.put(accountId, balance);
			entries.add(new PostedEntry(leg.account(), leg.amount(), balance));
			booked.add(new Booking(posting.id(), accountId, leg, balance));
		}
		running.putAll(after);
		accepted.add(posting);
		bookings.addAll(booked);
		PostingRecord record = new PostingRecord(posting.id(), posting.reference(), posting.kind(), now, entries);
		settled.put(posting.reference(), record);
		return new Ledger.Posted(record, true);
	}

	/** The postings this batch makes, in the order they were accepted. */
	List<Posting> accepted() {
		return List.copyOf(accepted);
	}

	/** Every entry of the accepted postings, in booking order. */
	List<Booking> bookings() {
		return List.copyOf(bookings);
	}

	/**
	 * One change per account the accepted postings touch, in account-id order: the sum of
	 * its entries and the balance it leaves. An account whose entries cancel out still
	 * has its change (of zero), so that its row is written, and fenced, as before.
	 */
	List<Change> changes() {
		return new TreeMap<>(running).entrySet()
			.stream()
			.map(account -> new Change(account.getKey(),
					Math.subtractExact(account.getValue(), locked(account.getKey()).amount()), account.getValue()))
			.toList();
	}

	private long idOf(AccountKey account) {
		return Objects.requireNonNull(accountIds.get(account), () -> "the batch did not resolve " + account);
	}

	private long balance(long accountId) {
		Long balance = running.get(accountId);
		return balance != null ? balance : locked(accountId).amount();
	}

	private AccountKind kind(long accountId) {
		return locked(accountId).kind();
	}

	private Balance locked(long accountId) {
		return Objects.requireNonNull(opening.get(accountId), () -> "the batch did not lock account " + accountId);
	}

	private static String name(Posting.Leg leg) {
		return leg.account().kind().name().toLowerCase(Locale.ROOT);
	}

	private static ProblemException insufficientFunds(Posting.Leg leg) {
		return new ProblemException(AccountProblem.INSUFFICIENT_FUNDS,
				"the " + name(leg) + " account holds less than " + -leg.amount() + " " + leg.account().currency());
	}

	/** An account's kind and balance as the batch's transaction locked it. */
	record Balance(AccountKind kind, long amount) {
	}

	/** One entry to write: a leg as booked on its account, with the balance it left. */
	record Booking(PostingId posting, long accountId, Posting.Leg leg, long balanceAfter) {
	}

	/**
	 * What the batch does to one account: the sum of its entries, and the balance left.
	 */
	record Change(long accountId, long delta, long balance) {
	}

}
