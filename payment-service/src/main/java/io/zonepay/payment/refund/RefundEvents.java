package io.zonepay.payment.refund;

import java.time.Instant;

import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.payment.payment.Payment;
import io.zonepay.payment.payment.PaymentEvents;
import io.zonepay.service.outbox.OutboxEvent;

/**
 * The events of refunds, on the payments' topic and keyed by order like the payment's
 * own.
 */
final class RefundEvents {

	private RefundEvents() {
	}

	/** The refund went through; {@code payment} already counts it. */
	static OutboxEvent succeeded(Refund refund, Payment payment, Instant now) {
		return OutboxEvent.of(PaymentEvents.TOPIC, payment.shard(), payment.orderId().toString(), "RefundSucceeded",
				new RefundSucceeded(refund.id(), payment.id(), payment.orderId(), payment.userId(), refund.amount(),
						payment.refundedAmount(), payment.amount().currency().code(), now));
	}

	/**
	 * Money went back to the payer; {@code refundedTotal} is everything refunded of the
	 * payment so far. Its ids travel as strings of digits.
	 */
	record RefundSucceeded(RefundId refundId, PaymentId paymentId, OrderId orderId, UserId userId, long amount,
			long refundedTotal, String currency, Instant occurredAt) {
	}

}
