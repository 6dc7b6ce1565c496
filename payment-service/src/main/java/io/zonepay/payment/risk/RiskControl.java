package io.zonepay.payment.risk;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.id.UserId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Judges payments and transfers in the transaction that records them. How much of the
 * policy runs follows the {@code risk.mode} switch: {@code FULL} reads the user's
 * features, scores the model and runs every rule; {@code RULES_ONLY} runs the rules on
 * the request alone (no history, no model: for extreme load); {@code OFF} lets everything
 * through. A model that fails leaves the decision to the rules on the request, recorded
 * as such.
 */
public final class RiskControl {

	private static final Logger log = LoggerFactory.getLogger(RiskControl.class);

	private final RiskStore store;

	private final Supplier<RiskPolicy> policy;

	private final RiskScorer scorer;

	private final RiskEvents events;

	RiskControl(RiskStore store, Supplier<RiskPolicy> policy, RiskScorer scorer, RiskEvents events) {
		this.store = store;
		this.policy = policy;
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
		RiskPolicy enforced = policy.get();
		if (mode == RiskMode.OFF) {
			return judgement(request, mode, enforced, null, RiskFeatures.ofRequest(request),
					new RiskPolicy.Verdict(RiskPolicy.Outcome.ALLOW, List.of()), null, null, started);
		}
		if (mode == RiskMode.RULES_ONLY) {
			RiskFeatures features = RiskFeatures.ofRequest(request);
			return judgement(request, mode, enforced, null, features, enforced.judge(features, true), null, null,
					started);
		}
		RiskState state = store.lock(request.user());
		RiskFeatures features = state.features(request);
		Double score;
		try {
			score = scorer.score(features);
		}
		catch (RuntimeException ex) {
			log.warn("The risk model failed on {} {} ({}); the rules on the request decide", request.kind(),
					request.subject(), ex.toString());
			return judgement(request, mode, enforced, state, features, enforced.judge(features, true), null,
					"the model failed: " + ex.getMessage(), started);
		}
		RiskFeatures scored = features.with(RiskFeatures.SCORE, score);
		return judgement(request, mode, enforced, state, scored, enforced.judge(scored, false), score, null, started);
	}

	/** Counts a failure that came after the decision (the ledger refused the payment). */
	public void failedLater(UserId user, Instant at) {
		store.save(user, store.lock(user).failed(at));
	}

	/** The decision about a payment or transfer, by its id. */
	public Optional<RiskDecision> decision(long subject) {
		return store.decision(subject);
	}

	private Judgement judgement(RiskRequest request, RiskMode mode, RiskPolicy policy, @Nullable RiskState state,
			RiskFeatures features, RiskPolicy.Verdict verdict, @Nullable Double score, @Nullable String fallback,
			long started) {
		boolean scored = score != null;
		RiskDecision decision = new RiskDecision(request.subject(), request.kind(), request.user(), verdict.outcome(),
				score, verdict.fired(), features.values(), policy.version(), scored ? scorer.version() : null, mode,
				fallback, (System.nanoTime() - started) / 1_000, request.at());
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
