package io.zonepay.payment.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An ordered policy, Stripe Radar's way: its rules are read in order and the first whose
 * conditions all hold decides ({@code ALLOW}, {@code BLOCK} or {@code REVIEW}); none
 * holding allows. A rule's conditions compare features, the model's {@code score}
 * included, with numbers. Data, not code: a policy is versioned and replaced at run time.
 */
public record RiskPolicy(String version, List<Rule> rules) {

	public RiskPolicy {
		Objects.requireNonNull(version, "version");
		rules = List.copyOf(rules);
		for (Rule rule : rules) {
			for (Condition condition : rule.when()) {
				if (!RiskFeatures.NAMES.contains(condition.feature())) {
					throw new IllegalArgumentException("rule " + rule.name() + " names no feature: "
							+ condition.feature() + " (one of " + RiskFeatures.NAMES + ")");
				}
			}
		}
	}

	public enum Outcome {

		/** Let through. */
		ALLOW,

		/** Refused: the payment or transfer fails as RISK_REJECTED. */
		BLOCK,

		/** Let through, and kept for a person to look at. */
		REVIEW

	}

	public enum Operator {

		GT, GE, LT, LE, EQ;

		boolean holds(double value, double than) {
			return switch (this) {
				case GT -> value > than;
				case GE -> value >= than;
				case LT -> value < than;
				case LE -> value <= than;
				case EQ -> value == than;
			};
		}

	}

	/** A feature compared with a number. */
	public record Condition(String feature, Operator op, double value) {

		public Condition {
			Objects.requireNonNull(feature, "feature");
			Objects.requireNonNull(op, "op");
		}

		boolean holds(RiskFeatures features) {
			return features.has(feature) && op.holds(features.get(feature), value);
		}

	}

	/** What a rule does when all its conditions hold. */
	public record Rule(String name, Outcome action, List<Condition> when) {

		public Rule {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(action, "action");
			when = List.copyOf(when);
			if (when.isEmpty()) {
				throw new IllegalArgumentException("rule " + name + " has no condition");
			}
		}

		/** Whether it looks at the request alone: such a rule runs without history. */
		boolean ofTheRequest() {
			return when.stream().allMatch(condition -> RiskFeatures.OF_THE_REQUEST.contains(condition.feature()));
		}

		boolean holds(RiskFeatures features) {
			return when.stream().allMatch(condition -> condition.holds(features));
		}

	}

	/**
	 * The policy's verdict: the outcome, and the rules that held, the deciding one first.
	 */
	public record Verdict(Outcome outcome, List<String> fired) {

		public Verdict {
			fired = List.copyOf(fired);
		}

	}

	/**
	 * Judges the features: the first rule that holds decides; the rules after it that
	 * hold too are named (a reviewer sees everything that fired), without a say.
	 * @param requestOnly only the rules on the request's own features (no history, no
	 * model)
	 */
	Verdict judge(RiskFeatures features, boolean requestOnly) {
		@Nullable Outcome outcome = null;
		List<String> fired = new ArrayList<>();
		for (Rule rule : rules) {
			if ((!requestOnly || rule.ofTheRequest()) && rule.holds(features)) {
				fired.add(rule.name());
				if (outcome == null) {
					outcome = rule.action();
				}
			}
		}
		return new Verdict(outcome == null ? Outcome.ALLOW : outcome, fired);
	}

}
