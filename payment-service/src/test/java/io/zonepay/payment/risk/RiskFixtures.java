package io.zonepay.payment.risk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.risk.RiskPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Risk control for the fast tests of other packages: its real policy and features over an
 * in-memory store, a model that always gives the same score, no outbox.
 */
public final class RiskFixtures {

	private RiskFixtures() {
	}

	/**
	 * Risk control blocking the {@code (limit + 1)}th payment of a user within a minute,
	 * and a payment above {@code maxAmount}.
	 */
	public static RiskControl blocking(int limit, long maxAmount) {
		return new RiskControl(new MemoryRiskStore(),
				RunningPolicies.only(new RiskPolicy("test-1",
						List.of(rule("burst", RiskFeatures.PAYMENTS_1M, RiskPolicy.Operator.GE, limit),
								rule("large", RiskFeatures.AMOUNT, RiskPolicy.Operator.GT, maxAmount)))),
				fixedScore(0.1), new RiskEvents(null));
	}

	static RiskPolicy.Rule rule(String name, String feature, RiskPolicy.Operator op, double value) {
		return new RiskPolicy.Rule(name, RiskPolicy.Outcome.BLOCK,
				List.of(new RiskPolicy.Condition(feature, op, value)));
	}

	static RiskScorer fixedScore(double score) {
		return new RiskScorer() {

			@Override
			public double score(RiskFeatures features) {
				return score;
			}

			@Override
			public String version() {
				return "fixed-" + score;
			}
		};
	}

	/** A store in memory, for tests that run no database. */
	static final class MemoryRiskStore implements RiskStore {

		private final Map<UserId, RiskState> states = new HashMap<>();

		private final Map<Long, RiskDecision> decisions = new HashMap<>();

		private RiskState stateOf(UserId user) {
			return states.getOrDefault(user, RiskState.empty());
		}

		/** Users whose state another request holds: their lock never comes. */
		final java.util.Set<UserId> busy = new java.util.HashSet<>();

		@Override
		public Optional<RiskState> lock(UserId user, java.time.Duration bound) {
			return busy.contains(user) ? Optional.empty() : Optional.of(stateOf(user));
		}

		@Override
		public void save(UserId user, RiskState state) {
			states.put(user, state);
		}

		@Override
		public void record(RiskDecision decision, @Nullable RiskState state) {
			if (decisions.putIfAbsent(decision.subject(), decision) == null && state != null) {
				states.put(decision.user(), state);
			}
		}

		@Override
		public Optional<RiskDecision> decision(long subject) {
			return Optional.ofNullable(decisions.get(subject));
		}

	}

}
