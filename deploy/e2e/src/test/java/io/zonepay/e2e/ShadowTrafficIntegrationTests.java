package io.zonepay.e2e;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.zonepay.testkit.SharedPostgres;
import tools.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Full-link load testing on shadow traffic: a load test's users sign up, top up, order,
 * pay, get refunds and send transfers inside a shard group and across zones, through the
 * gateways, on the platform real users use; everything it writes lands in the shadow
 * schemas, the tag travelling through the zone's calls, the outbox, Kafka, the order
 * events and the transfer saga both ways. Real clients never see its data, it never sees
 * theirs, and not one of its rows is in a real table.
 */
class ShadowTrafficIntegrationTests {

	/** Two hops over Kafka through the outbox, with a ledger call at each end. */
	private static final Duration ASYNC = Duration.ofSeconds(15);

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	static URI sh;

	static String merchant;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
		sh = zonepay.gateway("sh");
		merchant = Merchants.open(http, zonepay, "Shadow Tea House", "CNY", "ACTIVE");
	}

	@Test
	void aLoadTestMovesShadowMoneyEverywhereAndNoRealRowAtAll() {
		Customer alice = Customer.signUpShadow(http, hz, 14);
		Customer bob = Customer.signUpShadow(http, sh, 20);
		Customer carol = Customer.signUpShadow(http, hz, 90);
		assertThat(zonepay.zoneOf(90)).isNotEqualTo(zonepay.zoneOf(14));

		alice.deposit(10_000, "CNY");
		String order = alice.order(merchant, 2_500, "CNY");
		Http.Response paid = alice.pay(order, "shadow-pay-" + order);
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().get("status").asString()).isEqualTo("SUCCEEDED");
		String payment = paid.json().get("paymentId").asString();
		awaitOrder(alice, order, "PAID");
		Http.Response refund = alice.refund(payment, 1_000, "shadow-refund-" + payment);
		assertThat(refund.status()).as(refund.body()).isEqualTo(201);
		String refundId = refund.json().get("refundId").asString();
		awaitOrder(alice, order, "PARTIALLY_REFUNDED");

		JsonNode inside = transfer(alice, bob, 1_000, "shadow-inside").json();
		assertThat(inside.get("status").asString()).isEqualTo("COMPLETED");
		JsonNode across = transfer(alice, carol, 2_000, "shadow-across").json();
		String acrossId = across.get("transferId").asString();
		await().atMost(ASYNC)
			.until(() -> alice.get("/api/transfers/" + acrossId).json().get("status").asString().equals("COMPLETED"));
		assertThat(alice.balance("CNY")).isEqualTo(10_000 - 2_500 + 1_000 - 1_000 - 2_000);
		assertThat(bob.balance("CNY")).isEqualTo(1_000);
		assertThat(carol.balance("CNY")).isEqualTo(2_000);

		List<String> shadowPaths = List.of("/api/users/" + alice.id(), "/api/users/" + alice.id() + "/balances",
				"/api/orders/" + order, "/api/payments/" + payment, "/api/payments/" + payment + "/refunds/" + refundId,
				"/api/transfers/" + acrossId);
		Customer realAlice = alice.untagged();
		for (String path : shadowPaths) {
			assertThat(alice.get(path).status()).as("shadow %s, tagged", path).isEqualTo(200);
			assertThat(realAlice.get(path).status()).as("shadow %s, untagged", path).isEqualTo(404);
		}

		List<Long> users = List.of(alice.id(), bob.id(), carol.id());
		assertThat(everyZone("account", "public", "select id::text from users where id = any(?)", users))
			.as("shadow users in real tables")
			.isEmpty();
		assertThat(everyZone("account", "shadow", "select id::text from users where id = any(?)", users)).hasSize(3);
		assertThat(everyZone("account", "public",
				"select reference from postings where reference like any(array[?, ?, ?])", null,
				"payment:" + payment + "%", "transfer:" + acrossId + "%", "refund:" + refundId + "%"))
			.as("shadow postings in real tables")
			.isEmpty();
		List<Long> ids = List.of(Long.parseLong(order), Long.parseLong(payment), Long.parseLong(refundId),
				Long.parseLong(acrossId), Long.parseLong(inside.get("transferId").asString()));
		assertThat(everyZone("order", "public", "select id::text from orders where id = any(?)", ids)).isEmpty();
		for (String table : List.of("payments", "refunds", "transfers")) {
			assertThat(everyZone("payment", "public", "select id::text from " + table + " where id = any(?)", ids))
				.as("shadow %s in real tables", table)
				.isEmpty();
		}
		assertThat(everyZone("payment", "shadow", "select id::text from transfers where id = any(?)", ids))
			.as("both transfers, in their payer's zone")
			.hasSize(2);
		assertThat(everyZone("payment", "public",
				"select idempotency_key from idempotency_keys where idempotency_key like 'shadow-%'", null))
			.as("the load test's Idempotency-Keys in real tables")
			.isEmpty();
		List<String> shadowEvents = new ArrayList<>();
		for (String service : List.of("order", "payment")) {
			shadowEvents.addAll(everyZone(service, "shadow", "select event_id::text from inbox", null));
		}
		assertThat(shadowEvents).as("shadow events consumed").isNotEmpty();
		for (String service : List.of("order", "payment")) {
			assertThat(everyZone(service, "public", "select event_id::text from inbox where event_id::text = any(?)",
					shadowEvents))
				.as("shadow events in the real inboxes of %s", service)
				.isEmpty();
		}

		ZoneLedgers shadowBooks = new ZoneLedgers(zonepay, "shadow");
		shadowBooks.assertMoneyIsConserved();
		shadowBooks.assertGlobalBooksBalance();
	}

	@Test
	void aLoadTestNeverSeesARealUsersData() {
		Customer dave = Customer.signUp(http, hz, 33);
		dave.deposit(1_000, "CNY");
		String loadTest = http.token(hz, dave.id(), "user", "loadtest");

		Http.Response seen = http.get(hz.resolve("/api/users/" + dave.id() + "/balances"), loadTest, Customer.SHADOW);

		assertThat(seen.status()).as(seen.body()).isEqualTo(404);
		assertThat(dave.balance("CNY")).isEqualTo(1_000);
	}

	@Test
	void aRealUserTokenCannotTagTraffic() {
		Customer erin = Customer.signUp(http, hz, 34);
		Http.Response tagged = http.get(hz.resolve("/api/users/" + erin.id()), http.token(hz, erin.id(), "user"),
				Customer.SHADOW);
		assertThat(tagged.status()).isEqualTo(403);
	}

	/**
	 * Waits for an order to reach a status through the payment's events; when it does
	 * not, says which hop held them: events still in a payment-service's shadow outbox
	 * were not published, events published but not in an order-service's shadow inbox
	 * were not consumed.
	 */
	private static void awaitOrder(Customer customer, String order, String status) {
		try {
			await().atMost(ASYNC).until(() -> customer.orderStatus(order).equals(status));
		}
		catch (ConditionTimeoutException ex) {
			throw new AssertionError("order " + order + " is " + customer.orderStatus(order) + ", not " + status
					+ " after " + ASYNC + "; shadow outbox events not yet published: "
					+ everyZone("payment", "shadow", "select event_type from outbox", null)
					+ "; shadow events consumed by order-service: "
					+ everyZone("order", "shadow", "select event_id::text from inbox", null).size(), ex);
		}
	}

	private static Http.Response transfer(Customer from, Customer to, long amount, String key) {
		Http.Response sent = from.post("/api/transfers", key,
				"{\"toUserId\": \"" + to.id() + "\", \"amount\": " + amount + ", \"currency\": \"CNY\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		return sent;
	}

	/**
	 * The first column of a query's rows in one service's database of every RZone, in one
	 * schema. A list parameter is an array (of bigint ids, or of text); the others are
	 * text.
	 */
	private static List<String> everyZone(String service, String schema, String sql, List<?> ids, String... texts) {
		List<String> rows = new ArrayList<>();
		for (String zone : zonepay.rzones()) {
			Properties settings = new Properties();
			settings.setProperty("user", SharedPostgres.user());
			settings.setProperty("password", "");
			settings.setProperty("currentSchema", schema);
			try (Connection connection = DriverManager.getConnection(zonepay.database(zone, service), settings);
					PreparedStatement query = connection.prepareStatement(sql)) {
				int next = 1;
				if (ids != null) {
					boolean text = !ids.isEmpty() && ids.getFirst() instanceof String;
					query.setArray(next++, connection.createArrayOf(text ? "text" : "bigint", ids.toArray()));
				}
				for (String value : texts) {
					query.setString(next++, value);
				}
				try (ResultSet result = query.executeQuery()) {
					while (result.next()) {
						rows.add(result.getString(1));
					}
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot read " + service + " of " + zone + " (" + schema + ")", ex);
			}
		}
		return rows;
	}

}
