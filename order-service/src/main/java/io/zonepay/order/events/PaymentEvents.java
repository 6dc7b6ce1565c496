package io.zonepay.order.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.order.order.OrderPayments;
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
 * with its inbox entry, so a redelivered event changes nothing; a payment's event costs
 * two statements (the inbox's insert and the order's guarded update).
 */
@Component
class PaymentEvents {

	static final String TOPIC = "zonepay.payments.events";

	static final String CONSUMER = "order-service";

	private final OrderPayments orders;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	PaymentEvents(OrderPayments orders, Inbox inbox, TransactionTemplate transactions, JsonMapper json) {
		this.orders = orders;
		this.inbox = inbox;
		this.transactions = transactions;
		this.json = json;
	}

	void handle(ConsumerRecord<String, String> record) {
		UUID eventId = UUID.fromString(header(record, "zonepay-event-id"));
		String type = header(record, "zonepay-event-type");
		if (!type.equals("PaymentSucceeded") && !type.equals("RefundSucceeded")) {
			// Events for others on the same topic do not concern orders: nothing to do,
			// and nothing to remember.
			return;
		}
		JsonNode event = json.readTree(record.value());
		OrderId orderId = json.treeToValue(event.get("orderId"), OrderId.class);
		transactions.executeWithoutResult(status -> {
			if (!inbox.firstTime(CONSUMER, eventId)) {
				return;
			}
			if (type.equals("PaymentSucceeded")) {
				orders.markPaid(orderId, json.treeToValue(event.get("paymentId"), PaymentId.class));
			}
			else {
				orders.recordRefunds(orderId, event.get("refundedTotal").asLong());
			}
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
