package io.zonepay.payment.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.risk.RiskPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskBacktestTests {

	private static final RiskPolicy STRICTER = new RiskPolicy("stricter-1",
			List.of(RiskFixtures.rule("burst-10", RiskFeatures.PAYMENTS_1M, RiskPolicy.Operator.GE, 10),
					RiskFixtures.rule("large", RiskFeatures.AMOUNT, RiskPolicy.Operator.GT, 5_000)));

	@Test
	void aReplayCountsTheDecisionsTheCandidateWouldChangeByTransition() {
		List<RiskBacktest.StoredDecision> decisions = List.of(stored(1, RiskPolicy.Outcome.ALLOW, 12, 100, false, 3),
				stored(2, RiskPolicy.Outcome.ALLOW, 3, 100, false, 2),
				stored(3, RiskPolicy.Outcome.BLOCK, 25, 100, false, 1));

		RiskBacktest.Report report = RiskBacktest.replay(STRICTER, decisions, 10);

		assertThat(report.candidateVersion()).isEqualTo("stricter-1");
		assertThat(report.decisions()).isEqualTo(3);
		assertThat(report.changed()).isEqualTo(1);
		assertThat(report.transitions()).containsExactly(Map.entry("ALLOW->BLOCK", 1));
		assertThat(report.examples()).singleElement().satisfies(change -> {
			assertThat(change.subject()).isEqualTo("1");
			assertThat(change.candidateRules()).containsExactly("burst-10");
		});
		assertThat(report.from()).isEqualTo(Instant.ofEpochSecond(1));
		assertThat(report.to()).isEqualTo(Instant.ofEpochSecond(3));
	}

	@Test
	void aDecisionMadeWithoutHistoryIsReplayedWithTheRulesOnTheRequestAlone() {
		RiskBacktest.Report report = RiskBacktest.replay(STRICTER,
				List.of(stored(1, RiskPolicy.Outcome.ALLOW, 12, 100, true, 1),
						stored(2, RiskPolicy.Outcome.ALLOW, 0, 9_000, true, 2)),
				10);

		assertThat(report.changed()).isEqualTo(1);
		assertThat(report.examples()).extracting(RiskBacktest.Change::subject).containsExactly("2");
	}

	@Test
	void examplesAreBoundedTheCountIsNot() {
		List<RiskBacktest.StoredDecision> decisions = java.util.stream.IntStream.rangeClosed(1, 50)
			.mapToObj(n -> stored(n, RiskPolicy.Outcome.ALLOW, 30, 100, false, n))
			.toList();

		RiskBacktest.Report report = RiskBacktest.replay(STRICTER, decisions, 5);

		assertThat(report.changed()).isEqualTo(50);
		assertThat(report.examples()).hasSize(5);
	}

	private static RiskBacktest.StoredDecision stored(long subject, RiskPolicy.Outcome outcome, double perMinute,
			double amount, boolean requestOnly, long second) {
		return new RiskBacktest.StoredDecision(subject, RiskRequest.Kind.PAYMENT, outcome, requestOnly,
				Map.of(RiskFeatures.AMOUNT, amount, RiskFeatures.TRANSFER, 0.0, RiskFeatures.PAYMENTS_1M, perMinute),
				Instant.ofEpochSecond(second));
	}

}
