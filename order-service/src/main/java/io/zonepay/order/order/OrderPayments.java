package io.zonepay.order.order;

import java.time.Clock;
import java.time.Instant;

import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What payment-service's events do to orders, each in the transaction that records the
 * event: a payment pays its order, refunds are recorded on it. The order decides either
 * change; what it refuses is thrown, so that the event is tried again and then set aside.
 */
@Component
public class OrderPayments {

	private final Orders orders;

	private final Clock clock;

	OrderPayments(Orders orders, Clock clock) {
		this.orders = orders;
		this.clock = clock;
	}

	/**
	 * Pays the order: on every payment's way, so one guarded update and no read. Only
	 * when the guard refuses is the order read, and it says why ({@link Order#markPaid}):
	 * the same payment again changes nothing, another payment of a paid order is refused.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void markPaid(OrderId orderId, PaymentId payment) {
		Instant now = clock.instant();
		if (orders.markPaid(orderId, payment, now)) {
			return;
		}
		if (find(orderId).markPaid(payment, now)) {
			// Statuses never lead back to a payable one, so the order cannot have become
			// payable since the guard looked; should it have, the event is tried again.
			throw new IllegalStateException("order " + orderId + " became payable while it was paid; try again");
		}
	}

	/**
	 * Records that refunds of the order's payment total {@code refundedTotal}, as the
	 * order decides ({@link Order#recordRefunds}); written over the version it was read
	 * at.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordRefunds(OrderId orderId, long refundedTotal) {
		Order order = find(orderId);
		if (order.recordRefunds(refundedTotal, clock.instant())) {
			orders.update(order);
		}
	}

	private Order find(OrderId orderId) {
		return orders.findById(orderId).orElseThrow(() -> new IllegalStateException("unknown order " + orderId));
	}

}
