package io.zonepay.order.events;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.order.order.Order;
import io.zonepay.order.order.Orders;
import io.zonepay.service.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves orders as payment-service reports: {@code PaymentSucceeded} pays an order,
 * {@code RefundSucceeded} records its refunds. Each event is applied in one transaction
 * with its inbox entry, so a redelivered event changes nothing.
 */
@Component
class PaymentEvents {

	static final String TOPIC = "zonepay.payments.events";

	static final String CONSUMER = "order-service";

	private final Orders orders;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Clock clock;

	PaymentEvents(Orders orders, Inbox inbox, TransactionTemplate transactions, JsonMapper json, Clock clock) {
		this.orders = orders;
		this.inbox = inbox;
		this.transactions = transactions;
		this.json = json;
		this.clock = clock;
	}

	void handle(ConsumerRecord<String, String> record) {
		UUID eventId = UUID.fromString(header(record, "zonepay-event-id"));
		String type = header(record, "zonepay-event-type");
		JsonNode event = json.readTree(record.value());
		transactions.executeWithoutResult(status -> {
			if (!inbox.firstTime(CONSUMER, eventId)) {
				return;
			}
			OrderId orderId = json.treeToValue(event.get("orderId"), OrderId.class);
			Order order = orders.findById(orderId)
				.orElseThrow(() -> new IllegalStateException("event " + eventId + " names unknown order " + orderId));
			switch (type) {
				case "PaymentSucceeded" ->
					order.markPaid(json.treeToValue(event.get("paymentId"), PaymentId.class), clock.instant());
				case "RefundSucceeded" -> order.recordRefunds(event.get("refundedTotal").asLong(), clock.instant());
				default -> {
					// Events for others on the same topic (payment failures, transfers)
					// do not concern orders.
				}
			}
			orders.save(order);
		});
	}

	private static String header(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null) {
			throw new IllegalArgumentException("event at offset " + record.offset() + " has no " + name + " header");
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
