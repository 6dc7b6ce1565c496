package io.zonepay.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Users send each other money: inside one shard group with one posting, decided at once;
 * across zones by a saga over Kafka (debit into transit, credit from transit in the
 * payee's zone, confirm or return), decided within seconds. After each, no money was made
 * or lost in any zone or across them, and nothing is left in transit.
 */
class TransferIntegrationTests {

	/** Two hops over Kafka through the outbox, with a ledger call at each end. */
	private static final Duration SAGA = Duration.ofSeconds(15);

	/** A switch flip reaches every zone within the replication bound. */
	private static final Duration PROPAGATION = Duration.ofSeconds(5);

	/** Shard 50 is rz2's; no user has this id. */
	private static final String NOBODY_IN_RZ2 = "4242424250";

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	static URI sh;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
		sh = zonepay.gateway("sh");
	}

	@AfterEach
	void noMoneyWasCreatedOrDestroyedAnywhere() {
		ZoneLedgers ledgers = new ZoneLedgers(zonepay);
		ledgers.assertMoneyIsConserved();
		ledgers.assertGlobalBooksBalance();
	}

	@Test
	void aTransferInsideAShardGroupIsCompletedAtOnce() {
		Customer alice = funded(hz, 14, 10_000);
		Customer bob = Customer.signUp(http, hz, 20);

		Http.Response sent = transfer(alice, bob.id(), 2_500, "alice-to-bob");

		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		assertThat(sent.header("X-ZonePay-Zone")).isEqualTo("rz1");
		JsonNode transfer = sent.json();
		assertThat(transfer.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(transfer.get("fromUserId").asString()).isEqualTo(Long.toString(alice.id()));
		assertThat(transfer.get("toUserId").asString()).isEqualTo(Long.toString(bob.id()));
		assertThat(transfer.get("amount").asLong()).isEqualTo(2_500);
		assertThat(transfer.get("currency").asString()).isEqualTo("CNY");
		String id = transfer.get("transferId").asString();
		assertThat(Long.parseLong(id) % 100).isEqualTo(14);
		assertThat(status(alice, id)).isEqualTo("COMPLETED");
		assertThat(alice.balance("CNY")).isEqualTo(7_500);
		assertThat(bob.balance("CNY")).isEqualTo(2_500);
		assertThat(alice.ledger().get(0).get("reference").asString()).isEqualTo("transfer:" + id);
		assertThat(alice.ledger().get(0).get("kind").asString()).isEqualTo("TRANSFER");
		assertThat(bob.ledger().get(0).get("amount").asLong()).isEqualTo(2_500);
	}

	@Test
	void aTransferToAnotherZoneIsPendingThenCompleted() {
		Customer alice = funded(hz, 15, 10_000);
		Customer carol = Customer.signUp(http, sh, 90);

		Http.Response sent = transfer(alice, carol.id(), 3_000, "alice-to-carol");

		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		assertThat(sent.json().get("status").asString()).isEqualTo("PENDING");
		String id = sent.json().get("transferId").asString();
		assertThat(alice.balance("CNY")).isEqualTo(7_000);
		await().atMost(SAGA).pollInterval(Duration.ofMillis(100)).until(() -> status(alice, id).equals("COMPLETED"));
		assertThat(carol.balance("CNY")).isEqualTo(3_000);
		assertThat(alice.balance("CNY")).isEqualTo(7_000);
		assertThat(carol.ledger().get(0).get("reference").asString()).isEqualTo("transfer:" + id + ":credit");
		assertThat(alice.ledger().get(0).get("reference").asString()).isEqualTo("transfer:" + id + ":debit");
	}

	@Test
	void aTransferToNobodyInAnotherZoneFailsAndThePayerGetsTheMoneyBack() {
		Customer alice = funded(hz, 16, 10_000);

		Http.Response sent = transfer(alice, Long.parseLong(NOBODY_IN_RZ2), 4_000, "alice-to-nobody");

		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		String id = sent.json().get("transferId").asString();
		await().atMost(SAGA).pollInterval(Duration.ofMillis(100)).until(() -> status(alice, id).equals("FAILED"));
		assertThat(alice.get("/api/transfers/" + id).json().get("failureCode").asString())
			.isEqualTo("RECIPIENT_NOT_FOUND");
		assertThat(alice.balance("CNY")).isEqualTo(10_000);
		JsonNode ledger = alice.ledger();
		assertThat(ledger).hasSize(3);
		assertThat(ledger.get(0).get("reference").asString()).isEqualTo("transfer:" + id + ":return");
		assertThat(ledger.get(0).get("amount").asLong()).isEqualTo(4_000);
		assertThat(ledger.get(1).get("reference").asString()).isEqualTo("transfer:" + id + ":debit");
		assertThat(ledger.get(1).get("amount").asLong()).isEqualTo(-4_000);
	}

	@Test
	void aTransferToNobodyInTheSameShardGroupFailsAtOnceAndMovesNothing() {
		Customer alice = funded(hz, 17, 10_000);

		Http.Response sent = transfer(alice, 4_242_424_218L, 4_000, "alice-to-nobody-here");

		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		assertThat(sent.json().get("status").asString()).isEqualTo("FAILED");
		assertThat(sent.json().get("failureCode").asString()).isEqualTo("RECIPIENT_NOT_FOUND");
		assertThat(alice.balance("CNY")).isEqualTo(10_000);
		assertThat(alice.ledger()).hasSize(1);
	}

	@Test
	void withCrossZoneTransfersSwitchedOffATransferToAnotherZoneFailsAndMovesNothing() {
		Customer alice = funded(hz, 18, 10_000);
		Customer dave = Customer.signUp(http, hz, 40);
		Customer erin = Customer.signUp(http, hz, 19);
		flipCrossZoneTransfers(false);
		try {
			Http.Response refused = transfer(alice, dave.id(), 1_000, "alice-to-dave");
			Http.Response local = transfer(alice, erin.id(), 1_000, "alice-to-erin");

			assertThat(refused.status()).as(refused.body()).isEqualTo(202);
			assertThat(refused.json().get("status").asString()).isEqualTo("FAILED");
			assertThat(refused.json().get("failureCode").asString()).isEqualTo("CROSS_ZONE_DISABLED");
			assertThat(status(alice, refused.json().get("transferId").asString())).isEqualTo("FAILED");
			assertThat(local.json().get("status").asString()).as("a transfer inside the shard group is not cross-zone")
				.isEqualTo("COMPLETED");
			assertThat(alice.balance("CNY")).isEqualTo(9_000);
			assertThat(dave.balance("CNY")).isZero();
		}
		finally {
			flipCrossZoneTransfers(true);
		}
	}

	@Test
	void aTransferWithoutEnoughMoneyFailsAndMovesNothing() {
		Customer frank = funded(hz, 21, 1_000);
		Customer grace = Customer.signUp(http, sh, 70);
		Customer heidi = Customer.signUp(http, hz, 22);

		Http.Response across = transfer(frank, grace.id(), 1_001, "frank-to-grace");
		Http.Response inside = transfer(frank, heidi.id(), 1_001, "frank-to-heidi");

		for (Http.Response failed : List.of(across, inside)) {
			assertThat(failed.status()).as(failed.body()).isEqualTo(202);
			assertThat(failed.json().get("status").asString()).isEqualTo("FAILED");
			assertThat(failed.json().get("failureCode").asString()).isEqualTo("INSUFFICIENT_FUNDS");
		}
		assertThat(frank.balance("CNY")).isEqualTo(1_000);
		assertThat(frank.ledger()).hasSize(1);
		assertThat(grace.balance("CNY") + heidi.balance("CNY")).isZero();
	}

	@Test
	void aReplayedTransferAnswersTheSameAndMovesTheMoneyOnce() {
		Customer ivan = funded(sh, 80, 5_000);
		Customer judy = Customer.signUp(http, hz, 5);
		Http.Response first = transfer(ivan, judy.id(), 1_000, "ivan-pays-judy");

		Http.Response replay = transfer(ivan, judy.id(), 1_000, "ivan-pays-judy");
		Http.Response reused = transfer(ivan, judy.id(), 999, "ivan-pays-judy");

		assertThat(replay.status()).isEqualTo(202);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.body()).isEqualTo(first.body());
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.json().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		String id = first.json().get("transferId").asString();
		await().atMost(SAGA).pollInterval(Duration.ofMillis(100)).until(() -> status(ivan, id).equals("COMPLETED"));
		assertThat(ivan.balance("CNY")).isEqualTo(4_000);
		assertThat(judy.balance("CNY")).isEqualTo(1_000);
		assertThat(judy.ledger()).hasSize(1);
	}

	@Test
	void onlyThePayerSeesATransfer() {
		Customer karl = funded(hz, 23, 1_000);
		Customer liam = Customer.signUp(http, hz, 24);
		Customer mallory = Customer.signUp(http, hz, 23);
		String id = transfer(karl, liam.id(), 100, "karl-to-liam").json().get("transferId").asString();

		assertThat(karl.get("/api/transfers/" + id).status()).isEqualTo(200);
		for (Customer other : List.of(liam, mallory)) {
			Http.Response hidden = other.get("/api/transfers/" + id);
			assertThat(hidden.status()).isEqualTo(404);
			assertThat(hidden.json().get("code").asString()).isEqualTo("TRANSFER_NOT_FOUND");
		}
	}

	@Test
	void badTransfersGetTheirProblemCodesAndMoveNothing() {
		Customer nina = funded(hz, 25, 3_000);
		String to = Long.toString(Customer.signUp(http, hz, 26).id());

		assertProblem(nina.post("/api/transfers", null, body(to, 100, "CNY")), 400, "IDEMPOTENCY_KEY_MISSING");
		assertProblem(transfer(nina, nina.id(), 100, Customer.freshKey()), 422, "TRANSFER_TO_SELF");
		assertProblem(nina.post("/api/transfers", Customer.freshKey(), body(to, 0, "CNY")), 400, "VALIDATION_FAILED");
		assertProblem(nina.post("/api/transfers", Customer.freshKey(), body(to, -5, "CNY")), 400, "VALIDATION_FAILED");
		assertProblem(nina.post("/api/transfers", Customer.freshKey(), body(to, 5_000_001, "CNY")), 400,
				"AMOUNT_OUT_OF_RANGE");
		assertProblem(nina.post("/api/transfers", Customer.freshKey(), body(to, 100, "CHF")), 400, "UNKNOWN_CURRENCY");
		assertProblem(nina.post("/api/transfers", Customer.freshKey(), body("0", 100, "CNY")), 400,
				"VALIDATION_FAILED");
		assertProblem(
				nina.post("/api/transfers", Customer.freshKey(),
						"{\"toUserId\": " + to + ", \"amount\": 100, \"currency\": \"CNY\"}"),
				400, "VALIDATION_FAILED");
		assertProblem(nina.get("/api/transfers/12345625"), 404, "TRANSFER_NOT_FOUND");
		assertThat(nina.balance("CNY")).isEqualTo(3_000);
		assertThat(nina.ledger()).hasSize(1);
	}

	private static Customer funded(URI gateway, int shard, long amount) {
		Customer customer = Customer.signUp(http, gateway, shard);
		customer.deposit(amount, "CNY");
		return customer;
	}

	private static Http.Response transfer(Customer from, long to, long amount, String key) {
		return from.post("/api/transfers", key, body(Long.toString(to), amount, "CNY"));
	}

	private static String body(String to, long amount, String currency) {
		return "{\"toUserId\": \"" + to + "\", \"amount\": " + amount + ", \"currency\": \"" + currency + "\"}";
	}

	private static String status(Customer payer, String transferId) {
		Http.Response transfer = payer.get("/api/transfers/" + transferId);
		assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);
		return transfer.json().get("status").asString();
	}

	/**
	 * Flips the switch at the GZone, as an operator would, and waits until every zone's
	 * payment-service has it.
	 */
	private static void flipCrossZoneTransfers(boolean enabled) {
		String admin = http.token(hz, 1, "admin");
		Http.Response flipped = http.put(hz.resolve("/admin/switches/transfers.crossZone.enabled"), admin,
				"{\"value\": \"" + enabled + "\"}");
		assertThat(flipped.status()).as(flipped.body()).isEqualTo(200);
		long version = flipped.json().get("version").asLong();
		await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			for (String zone : zonepay.rzones()) {
				JsonNode view = http.get(zonepay.management(zone, "payment").resolve("/actuator/globaldata"), null)
					.json();
				assertThat(view.get("version").asLong()).as(zone).isGreaterThanOrEqualTo(version);
				assertThat(view.get("switches").get("transfers.crossZone.enabled").asString()).as(zone)
					.isEqualTo(Boolean.toString(enabled));
			}
		});
	}

	private static void assertProblem(Http.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("code").asString()).isEqualTo(code);
	}

}
