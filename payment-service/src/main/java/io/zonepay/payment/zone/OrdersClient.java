package io.zonepay.payment.zone;

import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/** order-service, for what a payment needs to know of its order. Reads are idempotent and retried. */
public final class OrdersClient {

	private final ZoneClient orders;

	private final JsonMapper json;

	OrdersClient(ZoneClient orders, JsonMapper json) {
		this.orders = orders;
		this.json = json;
	}

	public Optional<OrderSnapshot> order(long orderId) {
		ZoneClient.Answer answer = orders.call(HttpMethod.GET, "/internal/orders/" + orderId, null, true);
		if (answer.status() == 404) {
			return Optional.empty();
		}
		if (answer.status() != 200) {
			throw new IllegalStateException("order-service answered " + answer.status() + " for order " + orderId);
		}
		JsonNode order = json.readTree(String.valueOf(answer.body()));
		return Optional.of(new OrderSnapshot(orderId, Long.parseLong(order.get("userId").asString()), Long.parseLong(order.get("merchantId").asString()),
				order.get("amount").asLong(), order.get("currency").asString(), order.get("status").asString()));
	}

	/** An order as a payment sees it. */
	public record OrderSnapshot(long orderId, long userId, long merchantId, long amount, String currency, String status) {
	}
}
