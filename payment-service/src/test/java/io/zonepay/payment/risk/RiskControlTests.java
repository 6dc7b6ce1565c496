package io.zonepay.payment.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.kernel.risk.RiskSignal;
import io.zonepay.kernel.risk.RiskSignals;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskControlTests {

	private static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");

	private static final UserId EVE = new UserId(1_000_031L);

	private final RiskControl risk = RiskFixtures.blocking(3, 10_000);

	@Test
	void aJudgementCountsNothingUntilItIsRecorded() {
		for (int i = 0; i < 5; i++) {
			assertThat(risk.judge(payment(i, 100), RiskMode.FULL).allowed()).isTrue();
		}

		for (int i = 0; i < 3; i++) {
			risk.judge(payment(10 + i, 100), RiskMode.FULL).record();
		}

		RiskControl.Judgement fourth = risk.judge(payment(20, 100), RiskMode.FULL);
		assertThat(fourth.allowed()).isFalse();
		assertThat(fourth.decision().decidingRule()).isEqualTo("burst");
	}

	@Test
	void aFullDecisionRecordsTheScoreTheModelAndTheFeatures() {
		RiskControl.Judgement judged = risk.judge(payment(1, 100), RiskMode.FULL);
		judged.record();

		RiskDecision decision = risk.decision(judged.decision().subject()).orElseThrow();
		assertThat(decision.outcome()).isEqualTo(RiskPolicy.Outcome.ALLOW);
		assertThat(decision.score()).isEqualTo(0.1);
		assertThat(decision.modelVersion()).isEqualTo("fixed-0.1");
		assertThat(decision.policyVersion()).isEqualTo("test-1");
		assertThat(decision.features()).containsKeys(RiskFeatures.PAYMENTS_1M, RiskFeatures.NEW_COUNTERPARTY,
				RiskFeatures.SCORE);
		assertThat(decision.mode()).isEqualTo(RiskMode.FULL);
	}

	@Test
	void rulesOnlyLooksAtTheRequestAloneAndOffAtNothing() {
		for (int i = 0; i < 5; i++) {
			risk.judge(payment(i, 100), RiskMode.FULL).record();
		}

		RiskControl.Judgement rulesOnly = risk.judge(payment(10, 100), RiskMode.RULES_ONLY);
		assertThat(rulesOnly.allowed()).as("no history is read").isTrue();
		assertThat(rulesOnly.decision().score()).isNull();
		assertThat(risk.judge(payment(11, 20_000), RiskMode.RULES_ONLY).allowed()).isFalse();
		assertThat(risk.judge(payment(12, 20_000), RiskMode.OFF).allowed()).isTrue();
	}

	@Test
	void aPolicyInShadowIsJudgedAndRecordedButNotEnforced() {
		RiskPolicy enforced = new RiskPolicy("enforced-1",
				List.of(RiskFixtures.rule("large", RiskFeatures.AMOUNT, RiskPolicy.Operator.GT, 10_000)));
		RiskPolicy candidate = new RiskPolicy("candidate-1",
				List.of(RiskFixtures.rule("medium", RiskFeatures.AMOUNT, RiskPolicy.Operator.GT, 500)));
		AtomicReference<RiskPolicies> set = new AtomicReference<>(new RiskPolicies(enforced, candidate));
		RiskControl shadowed = new RiskControl(new RiskFixtures.MemoryRiskStore(),
				new RunningPolicies(enforced, set::get), RiskFixtures.fixedScore(0.1), new RiskEvents(null));

		RiskControl.Judgement judged = shadowed.judge(payment(1, 700), RiskMode.FULL);

		assertThat(judged.allowed()).isTrue();
		assertThat(judged.decision().policyVersion()).isEqualTo("enforced-1");
		assertThat(judged.decision().shadow())
			.isEqualTo(new RiskDecision.Shadow("candidate-1", RiskPolicy.Outcome.BLOCK, List.of("medium")));

		set.set(new RiskPolicies(candidate, null));
		RiskControl.Judgement promoted = shadowed.judge(payment(2, 700), RiskMode.FULL);
		assertThat(promoted.allowed()).isFalse();
		assertThat(promoted.decision().policyVersion()).isEqualTo("candidate-1");
		assertThat(promoted.decision().shadow()).isNull();
	}

	@Test
	void untilAPolicyIsSetTheZoneEnforcesTheOneItShipsWith() {
		RiskPolicy shipped = new RiskPolicy("shipped-1", List.of());
		RiskPolicy set = new RiskPolicy("set-1", List.of());

		assertThat(new RunningPolicies(shipped, RiskPolicies::none).now().enforced()).isEqualTo(shipped);
		assertThat(new RunningPolicies(shipped, () -> new RiskPolicies(set, null)).now().enforced()).isEqualTo(set);
		assertThat(new RunningPolicies(shipped, () -> new RiskPolicies(set, set)).now().shadow())
			.as("a candidate that is the enforced policy changes nothing")
			.isNull();
	}

	@Test
	void aDecisionsEnforcedAndShadowPoliciesComeFromOneVersionEvenWhenANewerOneArrivesMeanwhile() {
		RiskPolicy enforced = new RiskPolicy("enforced-1", List.of());
		RiskPolicy candidate = new RiskPolicy("candidate-1",
				List.of(RiskFixtures.rule("medium", RiskFeatures.AMOUNT, RiskPolicy.Operator.GT, 500)));
		// The candidate is promoted right after the decision first looks: a second look
		// would find it enforced and no shadow.
		Iterator<RiskPolicies> versions = List
			.of(new RiskPolicies(enforced, candidate), new RiskPolicies(candidate, null),
					new RiskPolicies(candidate, null))
			.iterator();
		RiskControl control = new RiskControl(new RiskFixtures.MemoryRiskStore(),
				new RunningPolicies(enforced, versions::next), RiskFixtures.fixedScore(0.1), new RiskEvents(null));

		RiskDecision decision = control.judge(payment(1, 700), RiskMode.FULL).decision();

		assertThat(decision.policyVersion()).isEqualTo("enforced-1");
		assertThat(decision.outcome()).isEqualTo(RiskPolicy.Outcome.ALLOW);
		assertThat(decision.shadow())
			.isEqualTo(new RiskDecision.Shadow("candidate-1", RiskPolicy.Outcome.BLOCK, List.of("medium")));
	}

	@Test
	void theSharedSignalsAboutTheRequestsPartiesAreFeaturesWithTheirAge() {
		RiskPolicy blockList = new RiskPolicy("signals-1",
				List.of(RiskFixtures.rule("blocked", RiskFeatures.COUNTERPARTY_RISK, RiskPolicy.Operator.GE, 1)));
		RiskSignals signals = new RiskSignals(Map.of(RiskSignal.merchant(7), new RiskSignal(0, true, "chargebacks"),
				RiskSignal.user(EVE.value()), new RiskSignal(0.25, false, null)));
		RiskControl withSignals = new RiskControl(new RiskFixtures.MemoryRiskStore(),
				new RunningPolicies(blockList, RiskPolicies::none, () -> signals, () -> Duration.ofMillis(1_250)),
				RiskFixtures.fixedScore(0.1), new RiskEvents(null));

		RiskDecision decision = withSignals.judge(payment(1, 100), RiskMode.RULES_ONLY).decision();

		assertThat(decision.outcome()).as("a block list needs no history").isEqualTo(RiskPolicy.Outcome.BLOCK);
		assertThat(decision.features()).containsEntry(RiskFeatures.COUNTERPARTY_RISK, 1.0)
			.containsEntry(RiskFeatures.PAYER_RISK, 0.25)
			.containsEntry(RiskFeatures.SIGNALS_AGE_S, 1.3);
		RiskDecision full = withSignals.judge(payment(2, 100), RiskMode.FULL).decision();
		assertThat(full.features()).containsKeys(RiskFeatures.COUNTERPARTY_RISK, RiskFeatures.PAYMENTS_1M,
				RiskFeatures.SCORE);
	}

	@Test
	void featuresBusyPastTheBoundLeaveTheDecisionToTheRulesInFullAndRefuseInStrict() {
		RiskFixtures.MemoryRiskStore store = new RiskFixtures.MemoryRiskStore();
		store.busy.add(EVE);
		RiskControl busy = new RiskControl(store,
				RunningPolicies.only(new RiskPolicy("test-1",
						List.of(RiskFixtures.rule("large", RiskFeatures.AMOUNT, RiskPolicy.Operator.GT, 10_000)))),
				RiskFixtures.fixedScore(0.1), new RiskEvents(null), Duration.ofMillis(5));

		RiskDecision open = busy.judge(payment(1, 100), RiskMode.FULL).decision();
		assertThat(open.outcome()).isEqualTo(RiskPolicy.Outcome.ALLOW);
		assertThat(open.score()).as("no history, no model").isNull();
		assertThat(open.fallback()).contains("busy for 5 ms", "rules on the request decided");
		assertThat(busy.judge(payment(2, 20_000), RiskMode.FULL).decision().decidingRule()).isEqualTo("large");

		RiskDecision closed = busy.judge(payment(3, 100), RiskMode.STRICT).decision();
		assertThat(closed.outcome()).isEqualTo(RiskPolicy.Outcome.BLOCK);
		assertThat(closed.fallback()).contains("STRICT refuses");

		store.busy.clear();
		assertThat(busy.judge(payment(4, 100), RiskMode.STRICT).decision().score()).as("judged in full").isEqualTo(0.1);
	}

	@Test
	void aModelThatFailsLeavesTheDecisionToTheRulesOnTheRequest() {
		RiskControl failing = new RiskControl(new RiskFixtures.MemoryRiskStore(),
				RunningPolicies.only(new RiskPolicy("test-1",
						java.util.List
							.of(RiskFixtures.rule("large", RiskFeatures.AMOUNT, RiskPolicy.Operator.GT, 10)))),
				new RiskScorer() {

					@Override
					public double score(RiskFeatures features) {
						throw new IllegalStateException("no session");
					}

					@Override
					public String version() {
						return "broken";
					}
				}, new RiskEvents(null));

		RiskDecision decision = failing.judge(payment(1, 100), RiskMode.FULL).decision();

		assertThat(decision.outcome()).isEqualTo(RiskPolicy.Outcome.BLOCK);
		assertThat(decision.fallback()).contains("no session");
		assertThat(decision.modelVersion()).isNull();
	}

	private static RiskRequest payment(long id, long amount) {
		return RiskRequest.payment(id * 100 + 31, EVE, new Money(amount, CurrencyCode.of("CNY")), 7, T0);
	}

}
