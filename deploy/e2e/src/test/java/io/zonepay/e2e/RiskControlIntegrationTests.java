package io.zonepay.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Risk control in the payment path of a zone: the user's features counted as the user
 * pays, the shipped policy refusing a burst, the model scoring every request, and every
 * decision readable by operators through the gateway, routed by the payment's shard.
 */
class RiskControlIntegrationTests {

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	static String merchant;

	static String admin;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
		merchant = Merchants.open(http, zonepay, "Flash Shop", "CNY", "ACTIVE");
		admin = http.token(hz, 1, "admin");
		zonepay.riskMode("FULL", Duration.ofSeconds(3));
	}

	@AfterAll
	static void noMoneyWasCreatedOrDestroyed() {
		new ZoneLedgers(zonepay).assertMoneyIsConserved();
	}

	@Test
	void fortyQuickPaymentsOfOneUserAreCutOffByTheBurstRuleAndEveryDecisionIsRecorded() {
		Customer eve = Customer.signUp(http, zonepay.gateway("sh"), 31);
		eve.deposit(100_000, "CNY");
		List<JsonNode> payments = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String order = eve.order(merchant, 100, "CNY");
			Http.Response paid = eve.pay(order, "pay-" + order);
			assertThat(paid.status()).as(paid.body()).isEqualTo(201);
			payments.add(paid.json());
		}

		List<JsonNode> rejected = payments.stream()
			.filter(payment -> "RISK_REJECTED".equals(text(payment, "failureCode")))
			.toList();
		assertThat(payments.subList(0, 20)).allMatch(payment -> text(payment, "status").equals("SUCCEEDED"));
		assertThat(rejected).as("more than 20 a minute").hasSize(20);
		assertThat(eve.balance("CNY")).isEqualTo(100_000 - 20 * 100);

		JsonNode refused = decision(text(rejected.getFirst(), "paymentId"));
		assertThat(text(refused, "outcome")).isEqualTo("BLOCK");
		assertThat(refused.get("rules").get(0).asString()).isEqualTo("payment-burst");
		assertThat(refused.get("features").get("payments_1m").asDouble()).isGreaterThanOrEqualTo(20);

		JsonNode allowed = decision(text(payments.getFirst(), "paymentId"));
		assertThat(text(allowed, "outcome")).isIn("ALLOW", "REVIEW");
		assertThat(allowed.get("score").asDouble()).isBetween(0.0, 1.0);
		assertThat(text(allowed, "policyVersion")).isEqualTo("default-2");
		assertThat(text(allowed, "modelVersion")).isEqualTo("logreg-1");
		assertThat(allowed.get("features").get("amount").asDouble()).isEqualTo(100);
		assertThat(allowed.get("features").get("new_counterparty").asDouble()).as("a merchant never paid").isEqualTo(1);
		assertThat(decision(text(payments.get(1), "paymentId")).get("features").get("new_counterparty").asDouble())
			.as("the merchant of the first payment")
			.isEqualTo(0);
		assertThat(allowed.get("latencyMicros").asLong()).isPositive();
	}

	@Test
	void aTransferIsJudgedAndItsDecisionIsFoundByItsId() {
		Customer ann = Customer.signUp(http, hz, 57);
		Customer ben = Customer.signUp(http, hz, 58);
		ann.deposit(5_000, "CNY");

		Http.Response sent = ann.post("/api/transfers", Customer.freshKey(),
				"{\"toUserId\": \"" + ben.id() + "\", \"amount\": 1200, \"currency\": \"CNY\"}");

		assertThat(sent.status()).as(sent.body()).isIn(200, 201, 202);
		JsonNode decided = decision(text(sent.json(), "transferId"));
		assertThat(text(decided, "transferId")).isEqualTo(text(sent.json(), "transferId"));
		assertThat(decided.get("features").get("transfer").asDouble()).isEqualTo(1);
		assertThat(text(decided, "outcome")).isIn("ALLOW", "REVIEW");
	}

	@Test
	void aDecisionIsForOperatorsAndAnUnknownIdIsAProblem() {
		Customer dan = Customer.signUp(http, hz, 44);
		Http.Response asUser = dan.get("/admin/risk/decisions/1000044");
		assertThat(asUser.status()).isEqualTo(403);

		Http.Response unknown = http.get(hz.resolve("/admin/risk/decisions/1000044"), admin);
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("code").asString()).isEqualTo("RISK_DECISION_NOT_FOUND");
	}

	private static JsonNode decision(String id) {
		Http.Response found = http.get(hz.resolve("/admin/risk/decisions/" + id), admin);
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		return found.json();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? "" : value.asString();
	}

}
