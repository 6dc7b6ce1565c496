package io.zonepay.payment.payment;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.Leg;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.OrdersClient;
import io.zonepay.payment.zone.OrdersClient.OrderSnapshot;
import io.zonepay.payment.zone.ZoneUnreachable;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.MerchantDocument;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.zone.ZoneProperties;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pays an order: checks it, decides what the rules allow, records the payment as PENDING,
 * posts payer -> merchant receivable at the ledger under the payment's reference, then
 * marks the payment as the ledger says. Every step is idempotent, so a retried request or
 * the reconciler can resume a payment anywhere: no payment ends SUCCEEDED without its
 * posting, or FAILED with one, because FAILED is only ever written after the ledger
 * voided the reference.
 */
@Service
public class PaymentFlow {

	private final Payments payments;

	private final OrdersClient orders;

	private final LedgerClient ledger;

	private final GlobalData global;

	private final RiskRules risk;

	private final IdGenerator ids;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final PaymentMetrics metrics;

	private final ZoneProperties zone;

	private final Clock clock;

	PaymentFlow(Payments payments, OrdersClient orders, LedgerClient ledger, GlobalData global, RiskRules risk,
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
	 * Pays the payer's order. A request seen before (its key took over after a crash, or
	 * the ledger did not answer it) resumes its own payment instead; another request for
	 * an order paid or being paid is refused.
	 * @param requestKey the request's caller scope and Idempotency-Key
	 */
	public Payment pay(UserId payer, OrderId orderId, String requestKey) {
		Optional<Payment> own = payments.findByRequestKey(requestKey);
		if (own.isPresent()) {
			return resume(own.get());
		}
		long started = System.nanoTime();
		OrderSnapshot order = orders.order(orderId)
			.filter(found -> found.userId().equals(payer))
			.orElseThrow(() -> new ProblemException(PaymentProblem.ORDER_NOT_FOUND, "order " + orderId + " not found"));
		Optional<Payment> live = payments.findLiveByOrder(orderId);
		if (live.isPresent()) {
			throw taken(live.get());
		}
		if (!order.status().equals("CREATED")) {
			throw new ProblemException(PaymentProblem.ORDER_NOT_PAYABLE, "order " + orderId + " is " + order.status(),
					Map.of("status", order.status()));
		}
		Switches switches = global.switches();
		if (!switches.acceptingPayments(zone.id())) {
			throw new ProblemException(PaymentProblem.PAYMENTS_PAUSED,
					zone.id() + " takes no new payments right now; retry later");
		}
		Money amount = order.amount();
		Instant now = clock.instant();
		PaymentId id = ids.next(payer.shard(), PaymentId::new);
		Optional<FailureCode> refusal = refusal(order, amount, switches, now);
		Payment recorded = record(refusal.isPresent()
				? Payment.refused(id, orderId, payer, order.merchantId(), amount, requestKey, refusal.get(), now)
				: Payment.pending(id, orderId, payer, order.merchantId(), amount, requestKey, now), requestKey);
		Payment payment = recorded.status() == PaymentStatus.PENDING ? complete(recorded) : recorded;
		metrics.decided(payment, System.nanoTime() - started);
		return payment;
	}

	/**
	 * Settles a PENDING payment from what the ledger says of its reference; leaves it
	 * PENDING if the ledger cannot say.
	 */
	public Payment complete(Payment payment) {
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
		return settle(payment.id(), failure);
	}

	/**
	 * Settles a payment whose request is long gone (a crash): SUCCEEDED if its posting
	 * exists, else its reference is voided and it FAILED as NOT_COMPLETED.
	 */
	public Payment reconcile(Payment payment) {
		Settled settled = ledger.find(payment.postingReference())
			.orElseGet(() -> ledger.voidReference(payment.postingReference(), payment.shard()));
		return settle(payment.id(), settled == Settled.POSTED ? null : FailureCode.NOT_COMPLETED);
	}

	private Payment resume(Payment own) {
		return own.status() == PaymentStatus.PENDING ? complete(own) : own;
	}

	private static ProblemException taken(Payment other) {
		Map<String, Object> properties = Map.of("paymentId", other.id().toString());
		return other.status() == PaymentStatus.SUCCEEDED
				? new ProblemException(PaymentProblem.ORDER_ALREADY_PAID,
						"order " + other.orderId() + " is paid by payment " + other.id(), properties)
				: new ProblemException(PaymentProblem.PAYMENT_IN_PROGRESS,
						"order " + other.orderId() + " is being paid by payment " + other.id(), properties);
	}

	private Optional<FailureCode> refusal(OrderSnapshot order, Money amount, Switches switches, Instant now) {
		Optional<MerchantDocument> merchant = global.merchant(order.merchantId());
		if (merchant.isEmpty() || !merchant.get().active()) {
			return Optional.of(FailureCode.MERCHANT_INACTIVE);
		}
		if (amount.amount() > switches.maxPaymentAmount(amount.currency())) {
			return Optional.of(FailureCode.LIMIT_EXCEEDED);
		}
		return risk.judge(switches.riskMode(), order.userId(), amount, now);
	}

	/**
	 * Stores a new payment. The unique indexes settle races: the same request racing
	 * itself (a retry that took over the key from a live request) resumes the payment
	 * stored first; another request for the order is refused.
	 */
	private Payment record(Payment payment, String requestKey) {
		try {
			return transactions.execute(status -> payments.saveAndFlush(payment));
		}
		catch (DataIntegrityViolationException ex) {
			Optional<Payment> own = payments.findByRequestKey(requestKey);
			if (own.isPresent()) {
				return resume(own.get());
			}
			throw taken(payments.findLiveByOrder(payment.orderId()).orElseThrow(() -> ex));
		}
	}

	/**
	 * Marks the payment as the ledger settled it, with its event, in one transaction; a
	 * second settle changes nothing.
	 */
	private Payment settle(PaymentId paymentId, @Nullable FailureCode failure) {
		try {
			return transactions.execute(status -> {
				Payment payment = payments.findById(paymentId).orElseThrow();
				Instant now = clock.instant();
				if (failure == null && payment.succeed(now)) {
					outbox.append(PaymentEvents.succeeded(payment, now));
				}
				else if (failure != null) {
					payment.fail(failure, now);
				}
				return payments.save(payment);
			});
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			// Settled by someone else at the same moment (the reconciler, a retry):
			// theirs is the same answer.
			return payments.findById(paymentId).orElseThrow();
		}
	}

	private static List<Leg> legs(Payment payment) {
		return List.of(Leg.user(payment.userId(), payment.amount().negate()),
				Leg.merchant(payment.merchantId(), payment.amount()));
	}

}
