package io.zonepay.e2e;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user of ZonePay as a client program drives one: signs up, tops up, orders and pays,
 * all through one gateway.
 */
final class Customer {

	private final Http http;

	private final URI gateway;

	private final long id;

	private final String token;

	private Customer(Http http, URI gateway, long id) {
		this.http = http;
		this.gateway = gateway;
		this.id = id;
		this.token = http.token(gateway, id, "user");
	}

	/** A new user in the given shard, so a test knows which RZone serves it. */
	static Customer signUp(Http http, URI gateway, int shard) {
		Http.Response created = http.post(gateway.resolve("/api/users"), null, Map.of(),
				"{\"name\": \"Customer\", \"shard\": " + shard + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return new Customer(http, gateway, Long.parseLong(created.json().get("userId").asString()));
	}

	long id() {
		return id;
	}

	void deposit(long amount, String currency) {
		Http.Response deposit = post("/api/users/" + id + "/deposits", freshKey(),
				"{\"amount\": " + amount + ", \"currency\": \"" + currency + "\"}");
		assertThat(deposit.status()).as(deposit.body()).isEqualTo(201);
	}

	/** Places an order that must be accepted, and answers its id. */
	String order(String merchantId, long amount, String currency) {
		Http.Response order = placeOrder(freshKey(), "{\"merchantId\": \"" + merchantId + "\", \"amount\": " + amount
				+ ", \"currency\": \"" + currency + "\", \"description\": \"e2e\"}");
		assertThat(order.status()).as(order.body()).isEqualTo(201);
		assertThat(order.json().get("status").asString()).isEqualTo("CREATED");
		return order.json().get("orderId").asString();
	}

	Http.Response placeOrder(String key, String body) {
		return post("/api/orders", key, body);
	}

	Http.Response pay(String orderId, String key) {
		return post("/api/payments", key, "{\"orderId\": \"" + orderId + "\"}");
	}

	Http.Response refund(String paymentId, long amount, String key) {
		return post("/api/payments/" + paymentId + "/refunds", key, "{\"amount\": " + amount + "}");
	}

	/** A POST with this customer's token and, unless null, an Idempotency-Key. */
	Http.Response post(String path, String key, String body) {
		return http.post(gateway.resolve(path), token, key == null ? Map.of() : Map.of("Idempotency-Key", key), body);
	}

	/** A POST with this customer's token and the given headers. */
	Http.Response postWithHeaders(String path, Map<String, String> headers, String body) {
		return http.post(gateway.resolve(path), token, headers, body);
	}

	Http.Response get(String path) {
		return http.get(gateway.resolve(path), token);
	}

	String orderStatus(String orderId) {
		return get("/api/orders/" + orderId).json().get("status").asString();
	}

	long balance(String currency) {
		for (JsonNode balance : get("/api/users/" + id + "/balances").json().get("balances")) {
			if (balance.get("currency").asString().equals(currency)) {
				return balance.get("available").asLong();
			}
		}
		return 0;
	}

	/** The ledger, newest entry first. */
	JsonNode ledger() {
		Http.Response ledger = get("/api/users/" + id + "/ledger?limit=100");
		assertThat(ledger.status()).as(ledger.body()).isEqualTo(200);
		return ledger.json().get("entries");
	}

	static String freshKey() {
		return UUID.randomUUID().toString();
	}

}
