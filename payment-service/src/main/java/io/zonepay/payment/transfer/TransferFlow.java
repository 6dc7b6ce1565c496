package io.zonepay.payment.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.PaymentProblem;
import io.zonepay.payment.risk.RiskControl;
import io.zonepay.payment.risk.RiskRequest;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.UsersClient;
import io.zonepay.payment.zone.ZoneUnreachable;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.shardgroup.ShardGroups;
import io.zonepay.service.zone.ZoneProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payer's side of a transfer: checks it, records it PENDING, makes its posting at the
 * ledger under the transfer's reference, then marks it as the ledger says. Same group,
 * the posting pays the payee and the transfer is COMPLETED. Across groups, it moves the
 * money into the payer shard's transit account, and the transfer turns DEBITED in the
 * same transaction that appends {@code TransferRequested} for the payee's zone. Every
 * step is idempotent, so a retried request or the reconciler resumes a transfer anywhere;
 * FAILED is only written after the ledger voided the reference.
 */
@Service
class TransferFlow {

	private static final Logger log = LoggerFactory.getLogger(TransferFlow.class);

	private final RiskControl risk;

	private final Transfers transfers;

	private final LedgerClient ledger;

	private final UsersClient users;

	private final GlobalData global;

	private final ShardGroups groups;

	private final IdGenerator ids;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final TransferMetrics metrics;

	private final ZoneProperties zone;

	private final Clock clock;

	TransferFlow(Transfers transfers, LedgerClient ledger, UsersClient users, GlobalData global, ShardGroups groups,
			IdGenerator ids, Outbox outbox, TransactionTemplate transactions, TransferMetrics metrics,
			ZoneProperties zone, Clock clock, RiskControl risk) {
		this.risk = risk;
		this.transfers = transfers;
		this.ledger = ledger;
		this.users = users;
		this.global = global;
		this.groups = groups;
		this.ids = ids;
		this.outbox = outbox;
		this.transactions = transactions;
		this.metrics = metrics;
		this.zone = zone;
		this.clock = clock;
	}

	/**
	 * Sends money from the payer to the payee. A request seen before (its key was taken
	 * over after a crash, or the ledger did not answer it) resumes its own transfer
	 * instead.
	 * @param requestKey the request's caller scope and Idempotency-Key
	 */
	Transfer transfer(UserId payer, UserId payee, Money amount, String requestKey) {
		Optional<Transfer> own = transfers.findByRequestKey(requestKey);
		if (own.isPresent()) {
			return resume(own.get());
		}
		Switches switches = global.switches();
		TransferRules.check(payer, payee, amount, switches);
		if (!switches.acceptingPayments(zone.id())) {
			// A transfer moves a user's money as a payment does: the zone's pause stops
			// both, before anything is written.
			throw new ProblemException(PaymentProblem.PAYMENTS_PAUSED,
					zone.id() + " takes no new payments or transfers right now; retry later");
		}
		TransferRoute route = groups.sameGroup(payer.shard(), payee.shard()) ? TransferRoute.SAME_GROUP
				: TransferRoute.CROSS_GROUP;
		Optional<TransferFailure> refusal = refusal(route, payee, switches);
		Instant now = clock.instant();
		TransferId id = ids.next(payer.shard(), TransferId::new);
		return record(
				refusal.isPresent() ? Transfer.refused(id, payer, payee, amount, route, requestKey, refusal.get(), now)
						: Transfer.pending(id, payer, payee, amount, route, requestKey, now),
				requestKey, refusal.isPresent() ? null : RiskRequest.transfer(id.value(), payer, amount, payee, now),
				switches.riskMode());
	}

	/**
	 * Settles a transfer whose request is long gone (a crash) from what the ledger says
	 * of its posting: posted means it goes on (COMPLETED, or DEBITED with its event),
	 * never posted means voided and FAILED as NOT_COMPLETED.
	 */
	Transfer reconcile(Transfer pending) {
		TransferPosting posting = TransferPosting.of(pending);
		Settled settled = ledger.find(posting.reference())
			.orElseGet(() -> ledger.voidReference(posting.reference(), posting.shard()));
		Transfer reconciled = settle(pending.id(), settled == Settled.POSTED ? null : TransferFailure.NOT_COMPLETED);
		log.info("Reconciled transfer {} ({}): {}", reconciled.id(), reconciled.route(), reconciled.status());
		return reconciled;
	}

	/**
	 * Sends the request of a transfer long in transit to the payee's zone again, in one
	 * transaction with the resend's mark; one answered meanwhile (no longer DEBITED) is
	 * left alone.
	 */
	void resend(Transfer inTransit) {
		try {
			transactions.execute(status -> {
				Transfer transfer = transfers.findById(inTransit.id()).orElseThrow();
				Instant now = clock.instant();
				if (transfer.resend(now)) {
					outbox.append(TransferEvents.requested(transfer, now));
					transfers.save(transfer);
					log.warn("Transfer {} was in transit with no answer from the payee's zone"
							+ "; its request is sent again", transfer.id());
				}
				return null;
			});
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// Answered at this very moment: nothing to resend.
		}
	}

	private Transfer resume(Transfer own) {
		return own.status() == TransferStatus.PENDING ? move(own) : own;
	}

	/**
	 * Refusals decided before any money moves; the payee's zone checks the same for
	 * cross-group transfers.
	 */
	private Optional<TransferFailure> refusal(TransferRoute route, UserId payee, Switches switches) {
		if (route == TransferRoute.CROSS_GROUP) {
			return switches.crossZoneTransfersEnabled() ? Optional.empty()
					: Optional.of(TransferFailure.CROSS_ZONE_DISABLED);
		}
		try {
			return users.exists(payee) ? Optional.empty() : Optional.of(TransferFailure.RECIPIENT_NOT_FOUND);
		}
		catch (ZoneUnreachable ex) {
			throw new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
					"account-service did not answer; nothing was done, retry shortly");
		}
	}

	/**
	 * Stores a new transfer; the same request racing itself (a retry that took over its
	 * key) resumes the one stored first.
	 */
	private Transfer record(Transfer transfer, String requestKey, @Nullable RiskRequest judged, RiskMode mode) {
		Transfer stored;
		try {
			stored = transactions.execute(status -> {
				if (judged == null) {
					return transfers.saveAndFlush(transfer);
				}
				// Judged where it is recorded: the payer's features are locked until the
				// transfer and its decision commit together.
				RiskControl.Judgement judgement = risk.judge(judged, mode);
				Transfer saved = transfers.saveAndFlush(judgement.allowed() ? transfer
						: Transfer.refused(transfer.id(), transfer.from(), transfer.to(), transfer.amount(),
								transfer.route(), requestKey, TransferFailure.RISK_REJECTED, transfer.createdAt()));
				judgement.record();
				return saved;
			});
		}
		catch (DataIntegrityViolationException ex) {
			return resume(transfers.findByRequestKey(requestKey).orElseThrow(() -> ex));
		}
		if (stored.status() == TransferStatus.FAILED) {
			metrics.decided(stored);
			return stored;
		}
		return move(stored);
	}

	/**
	 * Makes the transfer's posting, or learns it can never be made, and settles the
	 * transfer as the ledger says.
	 */
	private Transfer move(Transfer pending) {
		Transfer transfer = pending;
		if (transfer.route() == TransferRoute.SAME_GROUP
				&& !groups.sameGroup(transfer.shard(), transfer.to().shard())) {
			transfer = acrossTheSplit(transfer);
			if (transfer.route() == TransferRoute.SAME_GROUP || transfer.status() != TransferStatus.PENDING) {
				return transfer;
			}
		}
		TransferPosting posting = TransferPosting.of(transfer);
		@Nullable TransferFailure failure;
		try {
			failure = switch (ledger.post(posting.reference(), PostingKind.TRANSFER, posting.shard(), posting.legs())) {
				case POSTED -> null;
				// Only a voided reference is a failed transfer: an earlier attempt still
				// in flight can no longer post it.
				case INSUFFICIENT_FUNDS -> ledger.voidReference(posting.reference(), posting.shard()) == Settled.POSTED
						? null : TransferFailure.INSUFFICIENT_FUNDS;
				// Voided before this attempt: the reconciler gave the transfer up while
				// its request was gone.
				case VOIDED -> TransferFailure.NOT_COMPLETED;
			};
		}
		catch (ZoneUnreachable ex) {
			throw new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
					"the ledger did not answer; the transfer is PENDING"
							+ " and goes on when retried with the same Idempotency-Key",
					Map.of("transferId", transfer.id().toString()));
		}
		return settle(transfer.id(), failure);
	}

	/**
	 * A transfer decided within one shard group whose payee a live split moved to another
	 * group before its posting was made: the one posting with both legs can no longer be
	 * written (the payee's account is fenced in the payer's group). Its reference is
	 * settled first: posted (an attempt before the split made it) completes it; otherwise
	 * it is voided, so that no late attempt posts it, and the transfer goes on across
	 * groups, through transit, as if it had been decided so.
	 */
	private Transfer acrossTheSplit(Transfer transfer) {
		TransferPosting sameGroup = TransferPosting.of(transfer);
		Settled settled;
		try {
			settled = ledger.find(sameGroup.reference())
				.orElseGet(() -> ledger.voidReference(sameGroup.reference(), sameGroup.shard()));
		}
		catch (ZoneUnreachable ex) {
			throw new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
					"the ledger did not answer; the transfer is PENDING"
							+ " and goes on when retried with the same Idempotency-Key",
					Map.of("transferId", transfer.id().toString()));
		}
		if (settled == Settled.POSTED) {
			return settle(transfer.id(), null);
		}
		Transfer rerouted = transactions.execute(status -> {
			Transfer stored = transfers.findById(transfer.id()).orElseThrow();
			if (stored.reroute(clock.instant())) {
				log.info("Transfer {} goes across shard groups: a split moved its payee's shard {}", stored.id(),
						stored.to().shard());
				return transfers.save(stored);
			}
			return stored;
		});
		return java.util.Objects.requireNonNull(rerouted);
	}

	/**
	 * Marks the transfer as its posting settled, in one transaction with the event that
	 * hands a debited transfer to the payee's zone; settling twice changes nothing and
	 * appends nothing.
	 */
	private Transfer settle(TransferId transferId, @Nullable TransferFailure failure) {
		Step step;
		try {
			step = transactions.execute(status -> {
				Transfer transfer = transfers.findById(transferId).orElseThrow();
				Instant now = clock.instant();
				boolean decided = false;
				if (failure != null) {
					decided = transfer.fail(failure, now);
				}
				else if (transfer.route() == TransferRoute.SAME_GROUP) {
					decided = transfer.complete(now);
				}
				else if (transfer.markDebited(now)) {
					outbox.append(TransferEvents.requested(transfer, now));
				}
				return new Step(transfers.save(transfer), decided);
			});
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// Settled by someone else at the same moment (the reconciler, a retry):
			// theirs is the same answer.
			return transfers.findById(transferId).orElseThrow();
		}
		if (step.decided()) {
			metrics.decided(step.transfer());
		}
		return step.transfer();
	}

	private record Step(Transfer transfer, boolean decided) {
	}

}
