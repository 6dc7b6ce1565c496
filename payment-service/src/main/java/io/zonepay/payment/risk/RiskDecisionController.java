package io.zonepay.payment.risk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.PaymentProblem;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/risk/decisions/{id}}: what risk control decided about a payment or a
 * transfer, and on what. The gateway routes it by the id's shard, like the payment.
 */
@RestController
class RiskDecisionController {

	private final RiskControl risk;

	RiskDecisionController(RiskControl risk) {
		this.risk = risk;
	}

	@GetMapping("/admin/risk/decisions/{id}")
	DecisionView decision(@PathVariable String id, Caller caller) {
		if (!caller.has(Role.ADMIN)) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "risk decisions are for operators");
		}
		long subject = BusinessId.parse(id)
			.orElseThrow(() -> new ProblemException(CommonProblem.VALIDATION_FAILED,
					"'" + id + "' is not an id: ids are positive 64-bit decimal numbers"));
		return risk.decision(subject)
			.map(DecisionView::of)
			.orElseThrow(() -> new ProblemException(PaymentProblem.RISK_DECISION_NOT_FOUND,
					"no risk decision about " + id + " in this zone"));
	}

	/**
	 * A decision as the API shows it; the payment's id as {@code paymentId}, a transfer's
	 * as {@code transferId}.
	 */
	record DecisionView(@Nullable String paymentId, @Nullable String transferId, String userId, String outcome,
			@Nullable Double score, List<String> rules, Map<String, Double> features, String policyVersion,
			@Nullable String modelVersion, String mode, @Nullable String fallback, long latencyMicros,
			Instant decidedAt, RiskDecision.@Nullable Shadow shadow) {

		static DecisionView of(RiskDecision decision) {
			boolean payment = decision.kind() == RiskRequest.Kind.PAYMENT;
			String subject = Long.toString(decision.subject());
			return new DecisionView(payment ? subject : null, payment ? null : subject, decision.user().toString(),
					decision.outcome().name(), decision.score(), decision.rules(), decision.features(),
					decision.policyVersion(), decision.modelVersion(), decision.mode().name(), decision.fallback(),
					decision.latencyMicros(), decision.decidedAt(), decision.shadow());
		}
	}

}
