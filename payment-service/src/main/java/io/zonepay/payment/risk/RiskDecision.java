package io.zonepay.payment.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.risk.RiskPolicy;
import org.jspecify.annotations.Nullable;

/**
 * What risk control decided about a payment or a transfer, and everything it decided on:
 * recorded in the transaction that records the payment or transfer, published through the
 * outbox, and read back by {@code GET /admin/risk/decisions/{id}}.
 *
 * @param subject the payment's or transfer's id
 * @param score the model's, when it ran
 * @param rules the rules that held, the deciding one first
 * @param features the values decided on, by name
 * @param modelVersion the model's, when it ran
 * @param mode the {@code risk.mode} the zone was in
 * @param fallback why less than the whole policy ran, if it did not (the model failed)
 * @param latencyMicros how long the decision took, reading the features included
 * @param shadow what the policy in shadow would have decided, if one ran
 */
public record RiskDecision(long subject, RiskRequest.Kind kind, UserId user, RiskPolicy.Outcome outcome,
		@Nullable Double score, List<String> rules, Map<String, Double> features, String policyVersion,
		@Nullable String modelVersion, RiskMode mode, @Nullable String fallback, long latencyMicros, Instant decidedAt,
		@Nullable Shadow shadow) {

	public RiskDecision {
		rules = List.copyOf(rules);
		features = new RiskFeatures(features).values();
	}

	/** Whether the payment or transfer may go on. */
	public boolean allowed() {
		return outcome != RiskPolicy.Outcome.BLOCK;
	}

	/** What a policy in shadow would have decided: recorded, not enforced. */
	public record Shadow(String policyVersion, RiskPolicy.Outcome outcome, List<String> rules) {

		public Shadow {
			rules = List.copyOf(rules);
		}

	}

	/** The deciding rule, if one held. */
	public @Nullable String decidingRule() {
		return rules.isEmpty() ? null : rules.getFirst();
	}

}
