package io.zonepay.payment.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zonepay.kernel.risk.RiskPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A candidate policy replayed on stored decisions: each decision's recorded features
 * judged again by the candidate (with the rules on the request alone where the decision
 * had no score), compared with what was decided. Stripe Radar's "test on past payments"
 * before a rule goes live; no payment is touched.
 */
final class RiskBacktest {

	private RiskBacktest() {
	}

	/**
	 * What the candidate would have changed.
	 * @param examples how many changed decisions to name, newest first
	 */
	static Report replay(RiskPolicy candidate, List<StoredDecision> decisions, int examples) {
		Map<String, Integer> transitions = new TreeMap<>();
		List<Change> named = new ArrayList<>();
		int changed = 0;
		Instant from = null;
		Instant to = null;
		for (StoredDecision decision : decisions) {
			from = from == null || decision.decidedAt().isBefore(from) ? decision.decidedAt() : from;
			to = to == null || decision.decidedAt().isAfter(to) ? decision.decidedAt() : to;
			RiskPolicy.Verdict would = candidate.judge(decision.features(), decision.requestOnly());
			if (would.outcome() == decision.outcome()) {
				continue;
			}
			changed++;
			transitions.merge(decision.outcome() + "->" + would.outcome(), 1, Integer::sum);
			if (named.size() < examples) {
				named.add(new Change(Long.toString(decision.subject()), decision.kind().name(),
						decision.outcome().name(), would.outcome().name(), would.fired()));
			}
		}
		return new Report(candidate.version(), decisions.size(), changed, transitions, named, from, to);
	}

	/** A decision as stored, with what a replay needs. */
	record StoredDecision(long subject, RiskRequest.Kind kind, RiskPolicy.Outcome outcome, boolean requestOnly,
			Map<String, Double> features, Instant decidedAt) {
	}

	/** A decision the candidate would have made otherwise, and the rules that held. */
	record Change(String subject, String kind, String outcome, String candidateOutcome, List<String> candidateRules) {
	}

	/**
	 * The replay's result: how many decisions, how many would change, by transition
	 * ({@code ALLOW->BLOCK}), some of them, and the time the decisions span.
	 */
	record Report(String candidateVersion, int decisions, int changed, Map<String, Integer> transitions,
			List<Change> examples, @Nullable Instant from, @Nullable Instant to) {
	}

}
