package io.zonepay.payment.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.PaymentProblem;
import io.zonepay.payment.risk.RiskControl;
import io.zonepay.payment.risk.RiskRequest;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.Leg;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.OrdersClient;
import io.zonepay.payment.zone.OrdersClient.OrderSnapshot;
import io.zonepay.payment.zone.ZoneUnreachable;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.MerchantDocument;
import io.zonepay.service.idempotency.KeyedRequest;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.zone.ZoneProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays an order: checks it, decides what the rules allow, records the payment as PENDING,
 * posts payer -> merchant receivable at the ledger under the payment's reference, then
 * marks the payment as the ledger says. Every step is idempotent, so a retried request or
 * the reconciler can resume a payment anywhere: no payment ends SUCCEEDED without its
 * posting, or FAILED with one, because FAILED is only ever written after the ledger
 * voided the reference.
 * <p>
 * A payment costs its database two transactions: the first claims the request's
 * Idempotency-Key and records the payment, the second decides it, with its event and the
 * request's answer. What takes a call to another service (the order, the merchant) is
 * asked before the first, so that no transaction waits on a call.
 */
@Service
public class PaymentFlow {

	private final Payments payments;

	private final OrdersClient orders;

	private final LedgerClient ledger;

	private final GlobalData global;

	private final RiskControl risk;

	private final IdGenerator ids;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final PaymentMetrics metrics;

	private final ZoneProperties zone;

	private final Clock clock;

	PaymentFlow(Payments payments, OrdersClient orders, LedgerClient ledger, GlobalData global, RiskControl risk,
			IdGenerator ids, Outbox outbox, TransactionTemplate transactions, ApplicationEventPublisher events,
			MeterRegistry registry, ZoneProperties zone, Clock clock) {
		this.payments = payments;
		this.orders = orders;
		this.ledger = ledger;
		this.global = global;
		this.risk = risk;
		this.ids = ids;
		this.outbox = outbox;
		this.transactions = transactions;
		this.events = events;
		this.zone = zone;
		this.metrics = new PaymentMetrics(registry, zone.id().value());
		this.clock = clock;
	}

	/**
	 * Pays the payer's order. A request seen before (its key taken over after a crash, or
	 * released when the ledger did not answer) resumes its own payment instead, even when
	 * its order is paid by now; another request for an order paid or being paid is
	 * refused.
	 */
	public Payment pay(UserId payer, OrderId orderId, KeyedRequest<Payment> request) {
		long started = System.nanoTime();
		Prepared prepared = prepare(payer, orderId, request.requestKey());
		Recorded recorded = transactions.execute(status -> {
			request.claim();
			return prepared.payment() != null ? record(prepared, request) : ownOrRefused(orderId, prepared, request);
		});
		Payment decided = recorded.payment().status() == PaymentStatus.PENDING ? complete(recorded.payment(), request)
				: recorded.payment();
		if (recorded.isNew()) {
			metrics.decided(decided, System.nanoTime() - started);
		}
		return decided;
	}

	/**
	 * Settles a payment whose request is long gone (a crash): SUCCEEDED if its posting
	 * exists, else its reference is voided and it FAILED as NOT_COMPLETED.
	 */
	public Payment reconcile(Payment payment) {
		Settled settled = ledger.find(payment.postingReference())
			.orElseGet(() -> ledger.voidReference(payment.postingReference(), payment.shard()));
		return decide(payment, settled == Settled.POSTED ? null : FailureCode.NOT_COMPLETED, null);
	}

	/**
	 * What can be known before the first transaction: the payment to record, or why none
	 * may be made. Why none may be made is only told once that transaction has looked for
	 * the request's own payment: a retry resumes its payment whatever its order (paid by
	 * now) or the other services say, as it would have had it looked first.
	 */
	private Prepared prepare(UserId payer, OrderId orderId, String requestKey) {
		OrderSnapshot order;
		try {
			order = orders.order(orderId)
				.filter(found -> found.userId().equals(payer))
				.orElseThrow(
						() -> new ProblemException(PaymentProblem.ORDER_NOT_FOUND, "order " + orderId + " not found"));
		}
		catch (RuntimeException ex) {
			return Prepared.refused(ex, false);
		}
		try {
			if (!order.status().equals("CREATED")) {
				throw new ProblemException(PaymentProblem.ORDER_NOT_PAYABLE,
						"order " + orderId + " is " + order.status(), Map.of("status", order.status()));
			}
			Switches switches = global.switches();
			if (!switches.acceptingPayments(zone.id())) {
				throw new ProblemException(PaymentProblem.PAYMENTS_PAUSED,
						zone.id() + " takes no new payments right now; retry later");
			}
			Instant now = clock.instant();
			return new Prepared(payment(payer, order, requestKey, switches, now), switches, now, null, true);
		}
		catch (RuntimeException ex) {
			return Prepared.refused(ex, true);
		}
	}

	/**
	 * The payment to record, PENDING, or FAILED if the merchant's state or the limits
	 * refuse it; risk control, which reads the payer's features, judges it when it is
	 * recorded.
	 */
	private Payment payment(UserId payer, OrderSnapshot order, String requestKey, Switches switches, Instant now) {
		Money amount = order.amount();
		PaymentId id = ids.next(payer.shard(), PaymentId::new);
		Optional<MerchantDocument> merchant = global.merchant(order.merchantId());
		Optional<FailureCode> refusal = merchant.isEmpty() || !merchant.get().active()
				? Optional.of(FailureCode.MERCHANT_INACTIVE)
				: amount.amount() > switches.maxPaymentAmount(amount.currency())
						? Optional.of(FailureCode.LIMIT_EXCEEDED) : Optional.empty();
		return refusal.isPresent() ? Payment.refused(id, order.orderId(), payer, order.merchantId(), amount, requestKey,
				refusal.get(), now)
				: Payment.pending(id, order.orderId(), payer, order.merchantId(), amount, requestKey, now);
	}

	/**
	 * Records a new payment, in the transaction that claimed the request's key. The
	 * unique indexes settle races without a look first: the same request racing itself (a
	 * retry that took over the key) resumes the payment stored first; another request for
	 * the order is refused. A payment refused here is answered here.
	 */
	private Recorded record(Prepared prepared, KeyedRequest<Payment> request) {
		Payment candidate = Objects.requireNonNull(prepared.payment());
		Instant now = prepared.now();
		RiskControl.@Nullable Judgement judged = candidate.status() == PaymentStatus.PENDING
				? risk.judge(
						RiskRequest.payment(candidate.id().value(), candidate.userId(), candidate.amount(),
								candidate.merchantId().value(), now),
						Objects.requireNonNull(prepared.switches()).riskMode())
				: null;
		Payment payment = judged != null && !judged.allowed()
				? Payment.refused(candidate.id(), candidate.orderId(), candidate.userId(), candidate.merchantId(),
						candidate.amount(), request.requestKey(), FailureCode.RISK_REJECTED, now)
				: candidate;
		for (int attempt = 0; attempt < 2; attempt++) {
			if (payments.insertIfAbsent(payment)) {
				// Only a payment recorded counts: a retry that finds its own below counts
				// nothing.
				if (judged != null) {
					judged.record();
				}
				answerIfDecided(payment, request);
				return new Recorded(payment, true);
			}
			List<Payment> found = payments.findOwnOrLive(request.requestKey(), payment.orderId());
			Optional<Payment> own = own(found, request);
			if (own.isPresent()) {
				answerIfDecided(own.get(), request);
				return new Recorded(own.get(), false);
			}
			if (!found.isEmpty()) {
				throw taken(found.getFirst());
			}
			// The payment in the way FAILED between the insert and the look: the order is
			// free now.
		}
		throw new IllegalStateException("payment " + payment.id() + " of order " + payment.orderId()
				+ " is in the way of a payment that cannot be found");
	}

	/**
	 * A request no payment may be made for, unless it is a retry whose payment exists:
	 * that one it resumes. Another payment of the payer's order refuses it as the order's
	 * status would not: it names that payment.
	 */
	private Recorded ownOrRefused(OrderId orderId, Prepared prepared, KeyedRequest<Payment> request) {
		List<Payment> found = payments.findOwnOrLive(request.requestKey(), orderId);
		Optional<Payment> own = own(found, request);
		if (own.isPresent()) {
			answerIfDecided(own.get(), request);
			return new Recorded(own.get(), false);
		}
		// Of an order that is not the payer's, another payment is none of the payer's
		// business.
		if (prepared.payersOrder() && !found.isEmpty()) {
			throw taken(found.getFirst());
		}
		throw Objects.requireNonNull(prepared.refusal());
	}

	private static Optional<Payment> own(List<Payment> found, KeyedRequest<Payment> request) {
		return found.stream().filter(payment -> payment.madeBy(request.requestKey())).findFirst();
	}

	private static void answerIfDecided(Payment payment, KeyedRequest<Payment> request) {
		if (payment.status() != PaymentStatus.PENDING) {
			request.answer(payment);
		}
	}

	private static ProblemException taken(Payment other) {
		Map<String, Object> properties = Map.of("paymentId", other.id().toString());
		return other.status() == PaymentStatus.SUCCEEDED
				? new ProblemException(PaymentProblem.ORDER_ALREADY_PAID,
						"order " + other.orderId() + " is paid by payment " + other.id(), properties)
				: new ProblemException(PaymentProblem.PAYMENT_IN_PROGRESS,
						"order " + other.orderId() + " is being paid by payment " + other.id(), properties);
	}

	/**
	 * Posts a PENDING payment at the ledger and decides it as the ledger says; leaves it
	 * PENDING if the ledger cannot say.
	 */
	private Payment complete(Payment payment, KeyedRequest<Payment> request) {
		@Nullable FailureCode failure;
		try {
			failure = switch (ledger.post(payment.postingReference(), PostingKind.PAYMENT, payment.shard(),
					legs(payment))) {
				case POSTED -> {
					events.publishEvent(new PaymentPosted(payment.id()));
					yield null;
				}
				// Only a voided reference is a failed payment: an earlier attempt still
				// in flight can no longer post it.
				case INSUFFICIENT_FUNDS ->
					ledger.voidReference(payment.postingReference(), payment.shard()) == Settled.POSTED ? null
							: FailureCode.INSUFFICIENT_FUNDS;
				// Voided before this attempt: the reconciler gave the payment up while
				// its request was gone.
				case VOIDED -> FailureCode.NOT_COMPLETED;
			};
		}
		catch (ZoneUnreachable ex) {
			throw new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
					"the ledger did not answer; the payment is PENDING"
							+ " and completes when retried with the same Idempotency-Key",
					Map.of("paymentId", payment.id().toString()));
		}
		return decide(payment, failure, request);
	}

	/**
	 * Marks a PENDING payment as the ledger settled it, with its event and the request's
	 * answer, in one transaction; a payment decided meanwhile (by the reconciler, a
	 * retry) keeps that decision, which is the same, and is answered with it.
	 */
	private Payment decide(Payment pending, @Nullable FailureCode failure, @Nullable KeyedRequest<Payment> request) {
		return transactions.execute(status -> {
			Instant now = clock.instant();
			Payment decided;
			if (payments.decide(pending.id(), failure, now)) {
				// The payment as the database now holds it, without reading it back.
				if (failure == null) {
					pending.succeed(now);
					outbox.append(PaymentEvents.succeeded(pending, now));
				}
				else {
					pending.fail(failure, now);
					if (failure == FailureCode.INSUFFICIENT_FUNDS) {
						risk.failedLater(pending.userId(), now);
					}
				}
				decided = pending;
			}
			else {
				decided = payments.findById(pending.id()).orElseThrow();
			}
			if (request != null) {
				request.answer(decided);
			}
			return decided;
		});
	}

	/**
	 * What {@link #prepare} found out: a payment to record at {@code now} under these
	 * switches, or the refusal or failure that keeps one from being made, and whether the
	 * order is the payer's.
	 */
	private record Prepared(@Nullable Payment payment, @Nullable Switches switches, Instant now,
			@Nullable RuntimeException refusal, boolean payersOrder) {

		static Prepared refused(RuntimeException refusal, boolean payersOrder) {
			return new Prepared(null, null, Instant.EPOCH, refusal, payersOrder);
		}

	}

	/**
	 * A payment as the first transaction left it, and whether that transaction made it.
	 */
	private record Recorded(Payment payment, boolean isNew) {
	}

	private static List<Leg> legs(Payment payment) {
		return List.of(Leg.user(payment.userId(), payment.amount().negate()),
				Leg.merchant(payment.merchantId(), payment.amount()));
	}

}
