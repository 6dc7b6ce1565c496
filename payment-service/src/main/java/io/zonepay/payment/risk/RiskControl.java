package io.zonepay.payment.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.risk.RiskPolicy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges payments and transfers in the transaction that records them. How much of the
 * policy runs follows the {@code risk.mode} switch: {@code FULL} reads the user's
 * features, scores the model and runs every rule (when the features stay busy past the
 * bound, the rules on the request decide; {@code STRICT} refuses instead);
 * {@code RULES_ONLY} runs the rules on the request alone (no history, no model: for
 * extreme load); {@code OFF} lets everything through. A model that fails leaves the
 * decision to the rules on the request, recorded as such. A policy set in shadow at the
 * GZone is evaluated beside the enforced one on the same features and recorded with the
 * decision, never enforced.
 */
public final class RiskControl {

	private static final Logger log = LoggerFactory.getLogger(RiskControl.class);

	private final RiskStore store;

	/**
	 * How long a decision waits for the user's features while the user's other requests
	 * hold them: each holds them for one short transaction.
	 */
	static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMillis(250);

	private final RunningPolicies policies;

	private final RiskScorer scorer;

	private final RiskEvents events;

	private final Duration lockTimeout;

	RiskControl(RiskStore store, RunningPolicies policies, RiskScorer scorer, RiskEvents events) {
		this(store, policies, scorer, events, DEFAULT_LOCK_TIMEOUT);
	}

	RiskControl(RiskStore store, RunningPolicies policies, RiskScorer scorer, RiskEvents events, Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
		this.store = store;
		this.policies = policies;
		this.scorer = scorer;
		this.events = events;
	}

	/**
	 * Decides about a request; nothing is written until the caller, having recorded the
	 * payment or transfer, records the judgement (a retry that finds its own payment
	 * counts nothing twice).
	 */
	public Judgement judge(RiskRequest request, RiskMode mode) {
		long started = System.nanoTime();
		RunningPolicies.InForce inForce = policies.now();
		RiskFeatures ofRequest = RiskFeatures.ofRequest(request).and(policies.signals(request));
		if (mode == RiskMode.OFF || mode == RiskMode.RULES_ONLY) {
			return judgement(request, mode, inForce, null, ofRequest, null, null, started);
		}
		RiskState state = store.lock(request.user(), lockTimeout).orElse(null);
		if (state == null) {
			String why = "the user's features were busy for " + lockTimeout.toMillis() + " ms";
			log.warn("Risk features of {} busy past {} ms; risk.mode {} decides about {} {}", request.user(),
					lockTimeout.toMillis(), mode, request.kind(), request.subject());
			return mode == RiskMode.STRICT
					? refused(request, mode, inForce, ofRequest, why + ": STRICT refuses", started) : judgement(request,
							mode, inForce, null, ofRequest, null, why + ": the rules on the request decided", started);
		}
		RiskFeatures features = ofRequest.and(state.features(request));
		double score;
		try {
			score = scorer.score(features);
		}
		catch (RuntimeException ex) {
			log.warn("The risk model failed on {} {} ({}); the rules on the request decide", request.kind(),
					request.subject(), ex.toString());
			return judgement(request, mode, inForce, state, features, null, "the model failed: " + ex.getMessage(),
					started);
		}
		return judgement(request, mode, inForce, state, features.with(RiskFeatures.SCORE, score), score, null, started);
	}

	/** A request refused without a rule: its history could not be had in time. */
	private Judgement refused(RiskRequest request, RiskMode mode, RunningPolicies.InForce inForce,
			RiskFeatures features, String why, long started) {
		RiskDecision decision = new RiskDecision(request.subject(), request.kind(), request.user(),
				RiskPolicy.Outcome.BLOCK, null, List.of(), features.values(), inForce.enforced().version(), null, mode,
				why, (System.nanoTime() - started) / 1_000, request.at(), null);
		return new Judgement(request, decision, null);
	}

	/**
	 * Counts a failure that came after the decision (the ledger refused the payment),
	 * waiting for the user's features as long as a decision would; past that the failure
	 * goes uncounted (a feature a little low, never a payment held up).
	 */
	public void failedLater(UserId user, Instant at) {
		store.lock(user, lockTimeout)
			.ifPresentOrElse(state -> store.save(user, state.failed(at)),
					() -> log.warn("Risk features of {} busy past {} ms; a failure of theirs goes uncounted", user,
							lockTimeout.toMillis()));
	}

	/** The decision about a payment or transfer, by its id. */
	public Optional<RiskDecision> decision(long subject) {
		return store.decision(subject);
	}

	/**
	 * The enforced policy's decision and, when a policy runs in shadow, its would-be
	 * decision on the same features. Without a score (rules only, or the model failed)
	 * only the rules on the request run; {@code OFF} allows.
	 */
	private Judgement judgement(RiskRequest request, RiskMode mode, RunningPolicies.InForce inForce,
			@Nullable RiskState state, RiskFeatures features, @Nullable Double score, @Nullable String fallback,
			long started) {
		boolean requestOnly = score == null;
		RiskPolicy enforced = inForce.enforced();
		RiskPolicy.Verdict verdict = mode == RiskMode.OFF ? RiskPolicy.Verdict.allowed()
				: enforced.judge(features.values(), requestOnly);
		RiskPolicy shadowPolicy = mode == RiskMode.OFF ? null : inForce.shadow();
		RiskDecision.Shadow shadow = null;
		if (shadowPolicy != null) {
			RiskPolicy.Verdict would = shadowPolicy.judge(features.values(), requestOnly);
			shadow = new RiskDecision.Shadow(shadowPolicy.version(), would.outcome(), would.fired());
		}
		RiskDecision decision = new RiskDecision(request.subject(), request.kind(), request.user(), verdict.outcome(),
				score, verdict.fired(), features.values(), enforced.version(), score == null ? null : scorer.version(),
				mode, fallback, (System.nanoTime() - started) / 1_000, request.at(), shadow);
		return new Judgement(request, decision, state);
	}

	/** A decision not yet written: the caller records it once its request is recorded. */
	public final class Judgement {

		private final RiskRequest request;

		private final RiskDecision decision;

		private final @Nullable RiskState state;

		private Judgement(RiskRequest request, RiskDecision decision, @Nullable RiskState state) {
			this.request = request;
			this.decision = decision;
			this.state = state;
		}

		public boolean allowed() {
			return decision.allowed();
		}

		public RiskDecision decision() {
			return decision;
		}

		/**
		 * Writes the decision, its event and the user's state with this request counted,
		 * in the caller's transaction.
		 */
		public void record() {
			store.record(decision, state == null ? null : state.counted(request, decision.allowed()));
			events.decided(decision);
		}

	}

}
