package io.zonepay.payment.risk;

import java.util.Map;

import io.zonepay.kernel.risk.RiskPolicy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

class RiskPolicyTests {

	private static final RiskPolicy SHIPPED = RunningPolicies.read(new ClassPathResource("risk/policy-default.json"),
			JsonMapper.builder().build());

	@Test
	void theShippedPolicyRefusesTheTwentyFirstPaymentOfAMinute() {
		assertThat(SHIPPED.judge(payment(100, 19, 0.1), false).outcome()).isEqualTo(RiskPolicy.Outcome.ALLOW);

		RiskPolicy.Verdict burst = SHIPPED.judge(payment(100, 20, 0.1), false);

		assertThat(burst.outcome()).isEqualTo(RiskPolicy.Outcome.BLOCK);
		assertThat(burst.fired()).containsExactly("payment-burst");
	}

	@Test
	void theFirstRuleThatHoldsDecidesAndEveryRuleThatHoldsIsNamed() {
		RiskPolicy.Verdict verdict = SHIPPED.judge(payment(2_000_000, 25, 0.95), false);

		assertThat(verdict.outcome()).isEqualTo(RiskPolicy.Outcome.BLOCK);
		assertThat(verdict.fired()).containsExactly("payment-burst", "large-payment", "model-high-score",
				"large-to-new-counterparty");
	}

	@Test
	void aHighScoreIsReviewedNotBlockedByTheShippedPolicy() {
		assertThat(SHIPPED.judge(payment(100, 0, 0.95), false).outcome()).isEqualTo(RiskPolicy.Outcome.REVIEW);
	}

	@Test
	void withoutHistoryOnlyTheRulesOnTheRequestRun() {
		RiskFeatures request = new RiskFeatures(Map.of(RiskFeatures.AMOUNT, 2_000_000.0, RiskFeatures.TRANSFER, 0.0));

		RiskPolicy.Verdict verdict = SHIPPED.judge(request.values(), true);

		assertThat(verdict.fired()).containsExactly("large-payment");
		assertThat(SHIPPED.judge(payment(100, 50, 0.99), true).outcome()).isEqualTo(RiskPolicy.Outcome.ALLOW);
	}

	@Test
	void aPartyOnTheSharedBlockListIsRefusedEvenWithoutHistoryAndARiskyOneReviewed() {
		Map<String, Double> toBlocked = Map.of(RiskFeatures.AMOUNT, 100.0, RiskFeatures.TRANSFER, 0.0,
				RiskFeatures.COUNTERPARTY_RISK, 1.0);
		Map<String, Double> blockedPayer = Map.of(RiskFeatures.AMOUNT, 100.0, RiskFeatures.TRANSFER, 1.0,
				RiskFeatures.PAYER_RISK, 1.0);
		Map<String, Double> toRisky = Map.of(RiskFeatures.AMOUNT, 100.0, RiskFeatures.TRANSFER, 0.0,
				RiskFeatures.COUNTERPARTY_RISK, 0.6);

		assertThat(SHIPPED.judge(toBlocked, true).fired()).containsExactly("blocked-counterparty",
				"risky-counterparty");
		assertThat(SHIPPED.judge(blockedPayer, true).fired()).containsExactly("blocked-payer");
		assertThat(SHIPPED.judge(toRisky, false).outcome()).isEqualTo(RiskPolicy.Outcome.REVIEW);
	}

	@Test
	void everyFeatureTheZoneKeepsIsOneAPolicyMayName() {
		assertThat(RiskFeatures.NAMES).containsExactlyElementsOf(RiskPolicy.FEATURES);
	}

	private static Map<String, Double> payment(double amount, double perMinute, double score) {
		return RiskFeatures.builder()
			.put(RiskFeatures.AMOUNT, amount)
			.put(RiskFeatures.TRANSFER, 0)
			.put(RiskFeatures.PAYMENTS_1M, perMinute)
			.put(RiskFeatures.NEW_COUNTERPARTY, 1)
			.put(RiskFeatures.SCORE, score)
			.build()
			.values();
	}

}
