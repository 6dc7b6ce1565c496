package io.zonepay.kernel.risk;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RiskPolicyTests {

	@Test
	void theFirstRuleThatHoldsDecidesAndTheOthersThatHoldAreNamed() {
		RiskPolicy policy = new RiskPolicy("p-1", List.of(rule("review-big", RiskPolicy.Outcome.REVIEW, "amount", 100),
				rule("block-bigger", RiskPolicy.Outcome.BLOCK, "amount", 1000)));

		RiskPolicy.Verdict verdict = policy.judge(Map.of("amount", 5000.0), false);

		assertThat(verdict.outcome()).isEqualTo(RiskPolicy.Outcome.REVIEW);
		assertThat(verdict.fired()).containsExactly("review-big", "block-bigger");
		assertThat(policy.judge(Map.of("amount", 50.0), false)).isEqualTo(RiskPolicy.Verdict.allowed());
	}

	@Test
	void aConditionOnAFeatureNotDecidedOnDoesNotHold() {
		RiskPolicy policy = new RiskPolicy("p-1", List.of(rule("burst", RiskPolicy.Outcome.BLOCK, "payments_1m", 20)));

		assertThat(policy.judge(Map.of("amount", 5.0), false).outcome()).isEqualTo(RiskPolicy.Outcome.ALLOW);
	}

	@Test
	void withoutHistoryOnlyTheRulesOnTheRequestRun() {
		RiskPolicy policy = new RiskPolicy("p-1", List.of(rule("burst", RiskPolicy.Outcome.BLOCK, "payments_1m", 20),
				rule("large", RiskPolicy.Outcome.BLOCK, "amount", 1000)));

		RiskPolicy.Verdict verdict = policy.judge(Map.of("amount", 5000.0, "payments_1m", 50.0), true);

		assertThat(verdict.fired()).containsExactly("large");
	}

	@Test
	void aRuleMustNameAFeatureTheZonesKeep() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> new RiskPolicy("bad", List.of(rule("typo", RiskPolicy.Outcome.BLOCK, "payments_1min", 3))))
			.withMessageContaining("payments_1min");
	}

	@Test
	void twoRulesCannotShareAName() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RiskPolicy("p-1",
					List.of(rule("large", RiskPolicy.Outcome.BLOCK, "amount", 3),
							rule("large", RiskPolicy.Outcome.REVIEW, "amount", 2))))
			.withMessageContaining("two rules are called large");
	}

	@Test
	void aVersionIsAShortNameAPersonCanQuote() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RiskPolicy("", List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new RiskPolicy("has space", List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new RiskPolicy("x".repeat(65), List.of()));
		assertThat(new RiskPolicy("burst-10.v2", List.of()).version()).isEqualTo("burst-10.v2");
	}

	@Test
	void aPolicyHasABoundedNumberOfRulesEachWithAFiniteCondition() {
		List<RiskPolicy.Rule> tooMany = IntStream.rangeClosed(0, RiskPolicy.MAX_RULES)
			.mapToObj(n -> rule("r" + n, RiskPolicy.Outcome.BLOCK, "amount", n))
			.toList();
		assertThatIllegalArgumentException().isThrownBy(() -> new RiskPolicy("p-1", tooMany))
			.withMessageContaining("at most 64 rules");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RiskPolicy.Condition("amount", RiskPolicy.Operator.GT, Double.NaN));
	}

	private static RiskPolicy.Rule rule(String name, RiskPolicy.Outcome action, String feature, double atLeast) {
		return new RiskPolicy.Rule(name, action,
				List.of(new RiskPolicy.Condition(feature, RiskPolicy.Operator.GE, atLeast)));
	}

}
