package io.zonepay.payment.payment;

import java.time.Instant;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.service.outbox.OutboxEvent;

/**
 * The events of payments, on a topic with a partition per shard and keyed by order;
 * refunds publish theirs on the same topic (see the refund package), so that an order's
 * consumer sees its payment before its refunds.
 */
public final class PaymentEvents {

	public static final String TOPIC = "zonepay.payments.events";

	private PaymentEvents() {
	}

	static OutboxEvent succeeded(Payment payment, Instant now) {
		return OutboxEvent.of(TOPIC, payment.shard(), payment.orderId().toString(), "PaymentSucceeded",
				new PaymentSucceeded(payment.id(), payment.orderId(), payment.userId(), payment.merchantId(),
						payment.amount().amount(), payment.amount().currency().code(), now));
	}

	/** A payment's money moved to the merchant. Its ids travel as strings of digits. */
	public record PaymentSucceeded(PaymentId paymentId, OrderId orderId, UserId userId, MerchantId merchantId,
			long amount, String currency, Instant occurredAt) {
	}

}
