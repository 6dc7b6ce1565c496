package io.zonepay.e2e;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user of ZonePay as a client program drives one: signs up, tops up, orders and pays,
 * all through one gateway. A shadow customer is a load test's: every request carries the
 * shadow tag and a token with the loadtest role.
 */
final class Customer {

	/** The traffic tag of a full-link load test. */
	static final Map<String, String> SHADOW = Map.of("X-ZonePay-Traffic", "shadow");

	private final Http http;

	private final URI gateway;

	private final long id;

	private final String token;

	private final Map<String, String> tag;

	private Customer(Http http, URI gateway, long id, Map<String, String> tag) {
		this.http = http;
		this.gateway = gateway;
		this.id = id;
		this.tag = tag;
		this.token = tag.isEmpty() ? http.token(gateway, id, "user") : http.token(gateway, id, "user", "loadtest");
	}

	private Customer(Http http, URI gateway, long id) {
		this(http, gateway, id, Map.of());
	}

	/**
	 * A new shadow user in the given shard, signed up by a load test (a token with the
	 * user and loadtest roles, and the tag).
	 */
	static Customer signUpShadow(Http http, URI gateway, int shard) {
		String loadTest = http.token(gateway, 1, "user", "loadtest");
		Http.Response created = http.post(gateway.resolve("/api/users"), loadTest, SHADOW,
				"{\"name\": \"Shadow customer\", \"shard\": " + shard + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header("X-ZonePay-Traffic")).isEqualTo("shadow");
		return new Customer(http, gateway, Long.parseLong(created.json().get("userId").asString()), SHADOW);
	}

	/** The same user without the shadow tag: what a real client of that id would see. */
	Customer untagged() {
		return new Customer(http, gateway, id);
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
		Map<String, String> headers = new HashMap<>(tag);
		if (key != null) {
			headers.put("Idempotency-Key", key);
		}
		return http.post(gateway.resolve(path), token, headers, body);
	}

	/** A POST with this customer's token and the given headers. */
	Http.Response postWithHeaders(String path, Map<String, String> headers, String body) {
		Map<String, String> tagged = new HashMap<>(tag);
		tagged.putAll(headers);
		return http.post(gateway.resolve(path), token, tagged, body);
	}

	Http.Response get(String path) {
		return http.get(gateway.resolve(path), token, tag);
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
