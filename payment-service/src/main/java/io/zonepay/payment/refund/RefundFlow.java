package io.zonepay.payment.refund;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
import io.zonepay.service.idempotency.KeyedRequest;
import io.zonepay.service.outbox.Outbox;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds a succeeded payment: reserves the amount on the (locked) payment so that
 * refunds in flight can never add up to more than was paid, posts merchant receivable ->
 * payer under the refund's reference, then settles the refund and the payment as the
 * ledger says. A retry with the same request key resumes the same refund. As a payment
 * does, a refund costs its database two transactions: the first claims the request's key
 * and reserves, the second decides, with the event and the request's answer.
 */
@Service
class RefundFlow {

	private static final String NOT_COMPLETED = "NOT_COMPLETED";

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

	/**
	 * Refunds part of a payment. A request seen before (its key taken over after a crash,
	 * or released when the ledger did not answer) resumes its own refund instead.
	 */
	Refund refund(Caller caller, PaymentId paymentId, long amount, KeyedRequest<Refund> request) {
		Reserved reserved = transactions.execute(status -> {
			request.claim();
			return refunds.findByRequestKey(request.requestKey())
				.map(own -> resumed(own, request))
				.orElseGet(() -> reserve(caller, paymentId, amount, request.requestKey()));
		});
		Refund refund = reserved.refund();
		return refund.status() == PaymentStatus.PENDING ? complete(refund, reserved.payment(), request) : refund;
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
		return settle(refund, settled, null);
	}

	/**
	 * The request's own refund, found in the transaction that claimed its key: answered
	 * there if decided, else with its payment, which its posting names.
	 */
	private Reserved resumed(Refund own, KeyedRequest<Refund> request) {
		if (own.status() != PaymentStatus.PENDING) {
			request.answer(own);
			return new Reserved(own, null);
		}
		return new Reserved(own, payments.findById(own.paymentId()).orElseThrow());
	}

	private Reserved reserve(Caller caller, PaymentId paymentId, long amount, String requestKey) {
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
		Refund refund = refunds
			.saveAndFlush(new Refund(ids.next(payment.shard(), RefundId::new), paymentId, amount, requestKey, now));
		return new Reserved(refund, payment);
	}

	private Refund complete(Refund refund, @Nullable Payment payment, KeyedRequest<Refund> request) {
		Payment refunded = Objects.requireNonNull(payment);
		Settled settled;
		try {
			settled = ledger.post(refund.postingReference(), PostingKind.REFUND, refund.shard(),
					legs(refunded, refund.amount()));
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
		return settle(refund, settled, request);
	}

	/**
	 * Marks a PENDING refund and its (locked) payment as the ledger settled it, with the
	 * event and the request's answer, in one transaction; a refund decided meanwhile (by
	 * the reconciler, a retry) keeps that decision, which is the same, and is answered
	 * with it.
	 */
	private Refund settle(Refund pending, Settled settled, @Nullable KeyedRequest<Refund> request) {
		return transactions.execute(status -> {
			Payment payment = payments.lockById(pending.paymentId()).orElseThrow();
			Instant now = clock.instant();
			boolean posted = settled == Settled.POSTED;
			Refund decided;
			if (refunds.decide(pending.id(), posted ? null : NOT_COMPLETED, now)) {
				// The refund as the database now holds it, without reading it back.
				if (posted) {
					pending.succeed(now);
					payment.completeRefund(pending.amount(), now);
					outbox.append(RefundEvents.succeeded(pending, payment, now));
				}
				else {
					pending.fail(NOT_COMPLETED, now);
					payment.releaseRefund(pending.amount(), now);
				}
				payments.save(payment);
				decided = pending;
			}
			else {
				decided = refunds.findById(pending.id()).orElseThrow();
			}
			if (request != null) {
				request.answer(decided);
			}
			return decided;
		});
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

	/**
	 * A refund as the first transaction left it, with its payment while it is PENDING
	 * (its posting needs the payment's parties).
	 */
	private record Reserved(Refund refund, @Nullable Payment payment) {
	}

}
