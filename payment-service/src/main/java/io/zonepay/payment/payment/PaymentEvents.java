package io.zonepay.payment.payment;

import java.time.Instant;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.service.outbox.OutboxEvent;

/** The events payment-service publishes, on a topic with a partition per shard. */
public final class PaymentEvents {

	public static final String TOPIC = "zonepay.payments.events";

	private PaymentEvents() {
	}

	static OutboxEvent succeeded(Payment payment, Instant now) {
		return OutboxEvent.of(TOPIC, payment.shard(), Long.toString(payment.orderId()), "PaymentSucceeded",
				new PaymentSucceeded(Long.toString(payment.id()), Long.toString(payment.orderId()), Long.toString(payment.userId()),
						Long.toString(payment.merchantId()), payment.amount().amount(), payment.amount().currency().code(), now));
	}

	public static OutboxEvent refunded(Shard shard, RefundSucceeded refund) {
		return OutboxEvent.of(TOPIC, shard, refund.orderId(), "RefundSucceeded", refund);
	}

	/** A payment's money moved to the merchant. */
	public record PaymentSucceeded(String paymentId, String orderId, String userId, String merchantId, long amount, String currency,
			Instant occurredAt) {
	}

	/** Money went back to the payer; {@code refundedTotal} is everything refunded of the payment so far. */
	public record RefundSucceeded(String refundId, String paymentId, String orderId, String userId, long amount, long refundedTotal, String currency,
			Instant occurredAt) {
	}
}
