package io.zonepay.kernel.risk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * An ordered policy, Stripe Radar's way: its rules are read in order and the first whose
 * conditions all hold decides ({@code ALLOW}, {@code BLOCK} or {@code REVIEW}); none
 * holding allows. A rule's conditions compare features, the model's {@code score}
 * included, with numbers. Data, not code: a policy is set at the GZone and read by every
 * zone from its city's CZone, and its version names exactly one set of rules, so that a
 * decision's version says what decided it.
 */
public record RiskPolicy(String version, List<Rule> rules) {

	/**
	 * The request's own features, the shared signals about its parties included: a rule
	 * on these alone needs no history.
	 */
	public static final List<String> REQUEST_FEATURES = List.of("amount", "transfer", "payer_risk", "counterparty_risk",
			"signals_age_s");

	/** Every feature a rule may name. */
	public static final List<String> FEATURES = List.of("amount", "transfer", "payer_risk", "counterparty_risk",
			"signals_age_s", "payments_1m", "payments_1h", "payments_24h", "amount_1h", "transfers_1h", "failures_1h",
			"new_counterparty", "amount_zscore", "score");

	/** Enough for any policy a person reads; a bound on what every payment evaluates. */
	public static final int MAX_RULES = 64;

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	public RiskPolicy {
		requireName("version", version);
		rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
		if (rules.size() > MAX_RULES) {
			throw new IllegalArgumentException("a policy has at most " + MAX_RULES + " rules, not " + rules.size());
		}
		Set<String> names = new HashSet<>();
		for (Rule rule : rules) {
			if (!names.add(rule.name())) {
				throw new IllegalArgumentException("two rules are called " + rule.name());
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
			if (!FEATURES.contains(feature)) {
				throw new IllegalArgumentException("no feature is called " + feature + " (one of " + FEATURES + ")");
			}
			if (!Double.isFinite(value)) {
				throw new IllegalArgumentException(feature + " is compared with a number, not " + value);
			}
		}

		boolean holds(Map<String, Double> features) {
			Double actual = features.get(feature);
			return actual != null && op.holds(actual, value);
		}

	}

	/** What a rule does when all its conditions hold. */
	public record Rule(String name, Outcome action, List<Condition> when) {

		public Rule {
			requireName("rule name", name);
			Objects.requireNonNull(action, "action");
			when = List.copyOf(Objects.requireNonNull(when, "when"));
			if (when.isEmpty()) {
				throw new IllegalArgumentException("rule " + name + " has no condition");
			}
		}

		/** Whether it looks at the request alone: such a rule runs without history. */
		public boolean ofTheRequest() {
			return when.stream().allMatch(condition -> REQUEST_FEATURES.contains(condition.feature()));
		}

		boolean holds(Map<String, Double> features) {
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

		public static Verdict allowed() {
			return new Verdict(Outcome.ALLOW, List.of());
		}

	}

	/**
	 * Judges the features: the first rule that holds decides; the rules after it that
	 * hold too are named (a reviewer sees everything that fired), without a say.
	 * @param requestOnly only the rules on the request's own features (no history, no
	 * model)
	 */
	public Verdict judge(Map<String, Double> features, boolean requestOnly) {
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

	private static void requireName(String what, @Nullable String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"a " + what + " is 1-64 letters, digits, '.', '_' or '-', not " + (name == null ? "none" : name));
		}
	}

}
