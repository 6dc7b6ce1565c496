package io.zonepay.payment.refund;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.PaymentProblem;
import io.zonepay.payment.payment.Payment;
import io.zonepay.payment.payment.PaymentStatus;
import io.zonepay.payment.payment.Payments;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.Leg;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.ZoneUnreachable;
import io.zonepay.service.outbox.Outbox;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds a succeeded payment: reserves the amount on the (locked) payment so that
 * refunds in flight can never add up to more than was paid, posts merchant receivable ->
 * payer under the refund's reference, then settles the refund and the payment as the
 * ledger says. A retry with the same request key resumes the same refund.
 */
@Service
class RefundFlow {

	private final Payments payments;

	private final Refunds refunds;

	private final LedgerClient ledger;

	private final IdGenerator ids;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Clock clock;

	RefundFlow(Payments payments, Refunds refunds, LedgerClient ledger, IdGenerator ids, Outbox outbox,
			TransactionTemplate transactions, Clock clock) {
		this.payments = payments;
		this.refunds = refunds;
		this.ledger = ledger;
		this.ids = ids;
		this.outbox = outbox;
		this.transactions = transactions;
		this.clock = clock;
	}

	Refund refund(Caller caller, PaymentId paymentId, long amount, String requestKey) {
		Refund refund = refunds.findByRequestKey(requestKey)
			.orElseGet(() -> reserve(caller, paymentId, amount, requestKey));
		return refund.status() == PaymentStatus.PENDING ? complete(refund) : refund;
	}

	/**
	 * A refund of a payment the caller may see; none for anyone else's, as if it did not
	 * exist.
	 */
	Optional<Refund> find(Caller caller, PaymentId paymentId, RefundId refundId) {
		return refunds.findById(refundId)
			.filter(refund -> refund.paymentId().equals(paymentId))
			.filter(refund -> payments.findById(paymentId)
				.filter(payment -> caller.mayActFor(payment.userId()))
				.isPresent());
	}

	/**
	 * Settles a refund whose request is long gone, as the ledger has it: posted, or
	 * voided now and failed.
	 */
	Refund reconcile(Refund refund) {
		Settled settled = ledger.find(refund.postingReference())
			.orElseGet(() -> ledger.voidReference(refund.postingReference(), refund.shard()));
		return settle(refund.id(), settled);
	}

	private Refund reserve(Caller caller, PaymentId paymentId, long amount, String requestKey) {
		return transactions.execute(status -> {
			Payment payment = payments.lockById(paymentId)
				.filter(found -> caller.mayActFor(found.userId()))
				.orElseThrow(() -> new ProblemException(PaymentProblem.PAYMENT_NOT_FOUND,
						"payment " + paymentId + " not found"));
			if (payment.status() != PaymentStatus.SUCCEEDED) {
				throw new ProblemException(PaymentProblem.PAYMENT_NOT_REFUNDABLE,
						"payment " + paymentId + " is " + payment.status());
			}
			Instant now = clock.instant();
			try {
				payment.reserveRefund(amount, now);
			}
			catch (IllegalArgumentException ex) {
				throw exceeds(payment, amount);
			}
			payments.save(payment);
			return refunds
				.saveAndFlush(new Refund(ids.next(payment.shard(), RefundId::new), paymentId, amount, requestKey, now));
		});
	}

	private Refund complete(Refund refund) {
		Payment payment = payments.findById(refund.paymentId()).orElseThrow();
		Settled settled;
		try {
			settled = ledger.post(refund.postingReference(), PostingKind.REFUND, refund.shard(),
					legs(payment, refund.amount()));
			if (settled == Settled.INSUFFICIENT_FUNDS) {
				settled = ledger.voidReference(refund.postingReference(), refund.shard());
			}
		}
		catch (ZoneUnreachable ex) {
			throw new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
					"the ledger did not answer; the refund is PENDING and completes when retried with the same"
							+ " Idempotency-Key",
					Map.of("refundId", refund.id().toString()));
		}
		return settle(refund.id(), settled);
	}

	/**
	 * Marks the refund and its payment as the ledger settled it, with the event, in one
	 * transaction.
	 */
	private Refund settle(RefundId refundId, Settled settled) {
		try {
			return transactions.execute(status -> {
				Refund refund = refunds.findById(refundId).orElseThrow();
				Payment payment = payments.lockById(refund.paymentId()).orElseThrow();
				Instant now = clock.instant();
				if (settled == Settled.POSTED && refund.succeed(now)) {
					payment.completeRefund(refund.amount(), now);
					outbox.append(RefundEvents.succeeded(refund, payment, now));
				}
				else if (settled != Settled.POSTED && refund.fail("NOT_COMPLETED", now)) {
					payment.releaseRefund(refund.amount(), now);
				}
				payments.save(payment);
				return refunds.save(refund);
			});
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			return refunds.findById(refundId).orElseThrow();
		}
	}

	private static ProblemException exceeds(Payment payment, long amount) {
		return new ProblemException(
				PaymentProblem.REFUND_EXCEEDS_PAYMENT, "a refund of " + amount + " would bring refunds of payment "
						+ payment.id() + " above its " + payment.amount().amount(),
				Map.of("refundedAmount", payment.refundedAmount()));
	}

	private static List<Leg> legs(Payment payment, long amount) {
		Money refunded = new Money(amount, payment.amount().currency());
		return List.of(Leg.merchant(payment.merchantId(), refunded.negate()), Leg.user(payment.userId(), refunded));
	}

}
