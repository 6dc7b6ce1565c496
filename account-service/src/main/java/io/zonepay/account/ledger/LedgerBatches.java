package io.zonepay.account.ledger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.problem.ProblemException;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts a batch of other services' postings in one transaction and answers each exactly
 * as if it had been posted alone: a posting naming a user who does not live here, a
 * voided reference, or a reference posted with other legs is refused alone, and the
 * others are posted in the order they came.
 */
@Component
class LedgerBatches {

	/**
	 * A batch whose reference a void settled in the meantime is planned once more, and
	 * then sees the void.
	 */
	private static final int ATTEMPTS = 2;

	private final Ledger ledger;

	private final UserDirectory users;

	private final TransactionOperations transactions;

	/**
	 * A batch's transaction gives up after the longest its callers wait: a batch stuck on
	 * a lock would otherwise hold up every posting of its shard group behind it.
	 */
	@Autowired
	LedgerBatches(Ledger ledger, UserDirectory users, PlatformTransactionManager transactions,
			PostingBatchProperties properties) {
		this(ledger, users, boundedBy(transactions, properties.maxWait()));
	}

	LedgerBatches(Ledger ledger, UserDirectory users, TransactionOperations transactions) {
		this.ledger = ledger;
		this.users = users;
		this.transactions = transactions;
	}

	private static TransactionOperations boundedBy(PlatformTransactionManager transactions, Duration bound) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		template.setTimeout((int) Math.max(1, (bound.toMillis() + 999) / 1000));
		return template;
	}

	/**
	 * Posts the batch in one transaction, which commits only if it posted something: a
	 * batch whose every posting was refused or answered from before writes nothing.
	 * @throws RuntimeException when the transaction fails as a whole (the database away,
	 * a shard's lease lost): then none of the batch was posted
	 */
	List<Ledger.Outcome> post(List<Posting> batch) {
		for (int attempt = 1;; attempt++) {
			try {
				return Objects.requireNonNull(transactions.execute(status -> {
					List<Ledger.Outcome> outcomes = answer(batch);
					if (outcomes.stream().noneMatch(LedgerBatches::created)) {
						status.setRollbackOnly();
					}
					return outcomes;
				}));
			}
			catch (Ledger.SettledMeanwhile ex) {
				if (attempt == ATTEMPTS) {
					throw ex;
				}
			}
		}
	}

	/** The outcome of each posting, in the transaction the caller runs. */
	List<Ledger.Outcome> answer(List<Posting> batch) {
		Set<UserId> known = users.existing(usersOf(batch));
		List<Posting> admitted = new ArrayList<>(batch.size());
		for (Posting posting : batch) {
			if (unknownUser(posting, known) == null) {
				admitted.add(posting);
			}
		}
		List<Ledger.Outcome> posted = admitted.isEmpty() ? List.of() : ledger.postAll(admitted);
		List<Ledger.Outcome> outcomes = new ArrayList<>(batch.size());
		int next = 0;
		for (Posting posting : batch) {
			UserId unknown = unknownUser(posting, known);
			outcomes.add(unknown != null ? new Ledger.Refused(AccountProblem.userNotFound(unknown))
					: answered(posting, posted.get(next++)));
		}
		return outcomes;
	}

	/**
	 * A reference settled before is answered only if it moved the money this posting
	 * describes, and never brings a voided reference back.
	 */
	private static Ledger.Outcome answered(Posting posting, Ledger.Outcome outcome) {
		if (outcome instanceof Ledger.Posted posted && !posted.created()) {
			if (posted.posting().voided()) {
				return new Ledger.Refused(new ProblemException(AccountProblem.POSTING_VOIDED,
						"reference " + posting.reference() + " was voided"));
			}
			if (!posted.posting().matches(posting)) {
				return new Ledger.Refused(new ProblemException(AccountProblem.POSTING_MISMATCH,
						"reference " + posting.reference() + " was posted with other legs"));
			}
		}
		return outcome;
	}

	private static boolean created(Ledger.Outcome outcome) {
		return outcome instanceof Ledger.Posted posted && posted.created();
	}

	private static Collection<UserId> usersOf(List<Posting> batch) {
		return batch.stream()
			.flatMap(posting -> posting.legs().stream())
			.filter(leg -> leg.account().kind() == AccountKind.USER)
			.map(leg -> new UserId(leg.account().owner()))
			.distinct()
			.toList();
	}

	/** The first user the posting names who does not live here, if any. */
	private static @Nullable UserId unknownUser(Posting posting, Set<UserId> known) {
		for (Posting.Leg leg : posting.legs()) {
			if (leg.account().kind() == AccountKind.USER && !known.contains(new UserId(leg.account().owner()))) {
				return new UserId(leg.account().owner());
			}
		}
		return null;
	}

}
