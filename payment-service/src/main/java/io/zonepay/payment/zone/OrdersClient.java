package io.zonepay.payment.zone;

import java.util.Optional;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;

/**
 * order-service, for what a payment needs to know of its order. Reads are idempotent and
 * retried.
 */
public final class OrdersClient {

	private final ZoneClient orders;

	private final JsonMapper json;

	OrdersClient(ZoneClient orders, JsonMapper json) {
		this.orders = orders;
		this.json = json;
	}

	public Optional<OrderSnapshot> order(OrderId orderId) {
		ZoneClient.Answer answer = orders.call(HttpMethod.GET, "/internal/orders/" + orderId, null, true);
		if (answer.status() == 404) {
			return Optional.empty();
		}
		if (answer.status() != 200) {
			throw new IllegalStateException("order-service answered " + answer.status() + " for order " + orderId);
		}
		JsonNode order = json.readTree(String.valueOf(answer.body()));
		Money amount = new Money(order.get("amount").asLong(), CurrencyCode.of(order.get("currency").asString()));
		return Optional.of(new OrderSnapshot(orderId, json.treeToValue(order.get("userId"), UserId.class),
				json.treeToValue(order.get("merchantId"), MerchantId.class), amount, order.get("status").asString()));
	}

	/** An order as a payment sees it. */
	public record OrderSnapshot(OrderId orderId, UserId userId, MerchantId merchantId, Money amount, String status) {
	}

}
