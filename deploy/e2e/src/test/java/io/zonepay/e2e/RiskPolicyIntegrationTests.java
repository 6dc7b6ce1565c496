package io.zonepay.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Risk policies as global data: set at the GZone, run by the RZones of both cities within
 * the CZone bound, a candidate run in shadow (judged and recorded, not enforced),
 * backtested on the stored decisions of every RZone, then promoted; and the signals every
 * zone shares about merchants and users.
 */
class RiskPolicyIntegrationTests {

	/**
	 * How soon a change reaches every zone: the CZone's staleness bound (1 s) plus a
	 * reader's refresh, with room for a loaded two-core machine.
	 */
	private static final Duration PROPAGATION = Duration.ofSeconds(3);

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	static String admin;

	static String merchant;

	/** The policy every zone ships with, put back after the tests. */
	static String shipped;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
		admin = http.token(hz, 1, "admin");
		merchant = Merchants.open(http, zonepay, "Policy Shop", "CNY", "ACTIVE");
		shipped = shippedPolicy();
		zonepay.riskMode("FULL", PROPAGATION);
	}

	@AfterAll
	static void theShippedPolicyIsEnforcedAgainAndNoMoneyWasCreatedOrDestroyed() {
		http.delete(hz.resolve("/admin/risk/policies/shadow"), admin);
		Http.Response restored = http.put(hz.resolve("/admin/risk/policies/enforced"), admin, shipped);
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		awaitEveryZoneRuns("default-2", "none");
		new ZoneLedgers(zonepay).assertMoneyIsConserved();
	}

	@Test
	void aPolicySetAtTheGzoneDecidesInBothCitiesWithinTheCzoneBound() {
		Customer hzUser = payer(hz, 12);
		Customer shUser = payer(zonepay.gateway("sh"), 81);

		Http.Response set = http.put(hz.resolve("/admin/risk/policies/enforced"), admin,
				policy("e2e-limit-1", "amount-4000", 4_000));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		awaitEveryZoneRuns("e2e-limit-1", "none");

		for (Customer payer : List.of(hzUser, shUser)) {
			JsonNode refused = pay(payer, 4_000);
			assertThat(status(refused)).isEqualTo("FAILED");
			assertThat(refused.get("failureCode").asString()).isEqualTo("RISK_REJECTED");
			JsonNode decision = decision(refused.get("paymentId").asString());
			assertThat(decision.get("policyVersion").asString()).isEqualTo("e2e-limit-1");
			assertThat(decision.get("rules").get(0).asString()).isEqualTo("amount-4000");
		}
		assertThat(status(pay(shUser, 3_999))).isEqualTo("SUCCEEDED");
	}

	@Test
	void aCandidateInShadowIsRecordedNotEnforcedAndItsBacktestReportsWhatItWouldChange() {
		Customer hzUser = payer(hz, 14);
		Customer shUser = payer(zonepay.gateway("sh"), 83);
		Http.Response shadowed = http.put(hz.resolve("/admin/risk/policies/shadow"), admin,
				policy("e2e-shadow-1", "amount-3000", 3_000));
		assertThat(shadowed.status()).as(shadowed.body()).isEqualTo(200);
		awaitEveryZoneRuns(null, "e2e-shadow-1");

		for (Customer payer : List.of(hzUser, shUser)) {
			JsonNode paid = pay(payer, 3_500);
			assertThat(status(paid)).as("shadow decides nothing").isEqualTo("SUCCEEDED");
			JsonNode shadow = decision(paid.get("paymentId").asString()).get("shadow");
			assertThat(shadow.get("policyVersion").asString()).isEqualTo("e2e-shadow-1");
			assertThat(shadow.get("outcome").asString()).isEqualTo("BLOCK");
			assertThat(shadow.get("rules").get(0).asString()).isEqualTo("amount-3000");
		}

		Http.Response backtest = http.post(hz.resolve("/admin/risk/policies/backtest"), admin, Map.of(),
				"{\"examples\": 100}");
		assertThat(backtest.status()).as(backtest.body()).isEqualTo(200);
		JsonNode report = backtest.json();
		assertThat(report.get("candidateVersion").asString()).isEqualTo("e2e-shadow-1");
		assertThat(report.get("changed").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(report.get("transitions").get("ALLOW->BLOCK").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(report.get("zones").properties()).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("rz1", "rz2", "rz3");
		report.get("zones").forEach(zone -> assertThat(zone.get("answered").asBoolean()).isTrue());

		Http.Response promoted = http.post(hz.resolve("/admin/risk/policies/shadow/promote"), admin, Map.of(), "");
		assertThat(promoted.status()).as(promoted.body()).isEqualTo(200);
		awaitEveryZoneRuns("e2e-shadow-1", "none");
		JsonNode refused = pay(shUser, 3_500);
		assertThat(refused.get("failureCode").asString()).isEqualTo("RISK_REJECTED");
	}

	@Test
	void aMerchantOnTheSharedBlockListIsRefusedInBothCitiesAndTheDecisionSaysHowOldTheSignalWas() {
		Http.Response restored = http.put(hz.resolve("/admin/risk/policies/enforced"), admin, shipped);
		assertThat(restored.status()).as(restored.body()).isEqualTo(200);
		awaitEveryZoneRuns("default-2", null);
		Customer hzUser = payer(hz, 16);
		Customer shUser = payer(zonepay.gateway("sh"), 85);
		String flagged = Merchants.open(http, zonepay, "Flagged Shop", "CNY", "ACTIVE");

		awaitEveryZoneAt(signal("merchant:" + flagged, "{\"blocked\": true, \"reason\": \"e2e chargebacks\"}"));
		for (Customer payer : List.of(hzUser, shUser)) {
			JsonNode refused = pay(payer, flagged, 100);
			assertThat(refused.get("failureCode").asString()).isEqualTo("RISK_REJECTED");
			JsonNode decision = decision(refused.get("paymentId").asString());
			assertThat(decision.get("rules").get(0).asString()).isEqualTo("blocked-counterparty");
			assertThat(decision.get("features").get("counterparty_risk").asDouble()).isEqualTo(1);
			assertThat(decision.get("features").get("signals_age_s").asDouble()).isBetween(0.0, 3.0);
		}

		awaitEveryZoneAt(signal("merchant:" + flagged, "{\"blocked\": false}"));
		assertThat(status(pay(shUser, flagged, 100))).isEqualTo("SUCCEEDED");
		Http.Response unknown = http.put(hz.resolve("/admin/risk/signals/card:42"), admin, "{\"blocked\": true}");
		assertThat(unknown.status()).isEqualTo(400);
	}

	private static long signal(String subject, String body) {
		Http.Response set = http.put(hz.resolve("/admin/risk/signals/" + subject), admin, body);
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		return set.json().get("version").asLong();
	}

	/** Waits until every RZone's payment service acts on global data of this version. */
	private static void awaitEveryZoneAt(long version) {
		Awaitility.await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			for (String zone : zonepay.rzones()) {
				JsonNode view = http.get(zonepay.management(zone, "payment").resolve("/actuator/globaldata"), null)
					.json();
				assertThat(view.get("version").asLong()).as(zone).isGreaterThanOrEqualTo(version);
			}
		});
	}

	@Test
	void aPolicyVersionNamesOneSetOfRulesAndABadPolicyIsAProblem() {
		assertThat(http.put(hz.resolve("/admin/risk/policies/shadow"), admin, policy("e2e-taken-1", "a", 10)).status())
			.isEqualTo(200);

		Http.Response taken = http.put(hz.resolve("/admin/risk/policies/shadow"), admin,
				policy("e2e-taken-1", "a", 20));
		assertThat(taken.status()).isEqualTo(409);
		assertThat(taken.json().get("code").asString()).isEqualTo("RISK_POLICY_VERSION_TAKEN");

		Http.Response typo = http.put(hz.resolve("/admin/risk/policies/shadow"), admin,
				policy("e2e-typo-1", "a", 20).replace("\"amount\"", "\"amount_typo\""));
		assertThat(typo.status()).isEqualTo(400);
		assertThat(typo.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
		assertThat(typo.json().get("detail").asString()).contains("amount_typo");

		Http.Response slot = http.put(hz.resolve("/admin/risk/policies/later"), admin, policy("e2e-x-1", "a", 1));
		assertThat(slot.status()).isEqualTo(404);

		Customer user = Customer.signUp(http, hz, 15);
		assertThat(user.get("/admin/risk/policies").status()).isEqualTo(403);
	}

	/**
	 * Waits until every RZone's payment service runs these policies (null: whichever).
	 */
	private static void awaitEveryZoneRuns(String enforced, String shadow) {
		Awaitility.await().atMost(PROPAGATION).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
			for (String zone : zonepay.rzones()) {
				JsonNode view = http.get(zonepay.management(zone, "payment").resolve("/actuator/globaldata"), null)
					.json();
				if (enforced != null) {
					assertThat(view.get("riskPolicy").asString()).as(zone).isEqualTo(enforced);
				}
				if (shadow != null) {
					assertThat(view.get("riskPolicyInShadow").asString()).as(zone).isEqualTo(shadow);
				}
			}
		});
	}

	private static Customer payer(URI gateway, int shard) {
		Customer payer = Customer.signUp(http, gateway, shard);
		payer.deposit(100_000, "CNY");
		return payer;
	}

	private static JsonNode pay(Customer payer, long amount) {
		return pay(payer, merchant, amount);
	}

	private static JsonNode pay(Customer payer, String merchant, long amount) {
		String order = payer.order(merchant, amount, "CNY");
		Http.Response paid = payer.pay(order, "pay-" + order);
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		return paid.json();
	}

	private static String status(JsonNode payment) {
		return payment.get("status").asString();
	}

	private static JsonNode decision(String id) {
		Http.Response found = http.get(hz.resolve("/admin/risk/decisions/" + id), admin);
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		return found.json();
	}

	/** A policy that blocks payments of at least {@code amount}, and nothing else. */
	private static String policy(String version, String rule, long amount) {
		return """
				{"version": "%s", "rules": [{"name": "%s", "action": "BLOCK", "when": [
				  {"feature": "transfer", "op": "EQ", "value": 0},
				  {"feature": "amount", "op": "GE", "value": %d}]}]}
				""".formatted(version, rule, amount);
	}

	private static String shippedPolicy() {
		try (InputStream in = RiskPolicyIntegrationTests.class.getResourceAsStream("/risk/policy-default.json")) {
			if (in == null) {
				throw new IllegalStateException("no risk/policy-default.json on the class path");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
