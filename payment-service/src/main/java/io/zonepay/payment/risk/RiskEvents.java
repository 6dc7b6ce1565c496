package io.zonepay.payment.risk;

import java.util.List;
import java.util.Map;

import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.outbox.OutboxEvent;
import org.jspecify.annotations.Nullable;

/**
 * Publishes every decision through the outbox, in the transaction that records it, on a
 * topic with a partition per shard keyed by the user: whatever learns from decisions (a
 * case queue for reviews, the training of the next model) reads them there.
 */
class RiskEvents {

	public static final String TOPIC = "zonepay.risk.decisions";

	private final @Nullable Outbox outbox;

	RiskEvents(@Nullable Outbox outbox) {
		this.outbox = outbox;
	}

	void decided(RiskDecision decision) {
		if (outbox != null) {
			outbox.append(OutboxEvent.of(TOPIC, decision.user().shard(), decision.user().toString(), "RiskDecided",
					new RiskDecided(decision.subject(), decision.kind().name(), decision.user().toString(),
							decision.outcome().name(), decision.score(), decision.rules(), decision.features(),
							decision.policyVersion(), decision.modelVersion(), decision.mode().name(),
							decision.latencyMicros(), decision.shadow())));
		}
	}

	/** A decision, as published: ids as strings of digits. */
	record RiskDecided(long subject, String kind, String userId, String outcome, @Nullable Double score,
			List<String> rules, Map<String, Double> features, String policyVersion, @Nullable String modelVersion,
			String mode, long latencyMicros, RiskDecision.@Nullable Shadow shadow) {
	}

}
