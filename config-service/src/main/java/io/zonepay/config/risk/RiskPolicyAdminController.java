package io.zonepay.config.risk;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.global.Operators;
import io.zonepay.config.routing.RoutingStore;
import io.zonepay.config.routing.StoredRouting;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.config.risk.RiskPolicyStore.Slot;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators' risk policies at the GZone: {@code GET /admin/risk/policies}; a policy put
 * in shadow ({@code PUT /admin/risk/policies/shadow}), backtested on the stored decisions
 * of every RZone ({@code POST /admin/risk/policies/backtest}), then promoted
 * ({@code POST /admin/risk/policies/shadow/promote}); or enforced at once
 * ({@code PUT /admin/risk/policies/enforced}). Each change is global data: every zone
 * runs it within the CZone bound.
 */
@RestController
@Profile("!czone")
class RiskPolicyAdminController {

	/**
	 * Decisions a backtest replays per RZone unless asked for fewer, and at most: what
	 * each zone holds in memory for it is bounded (its payment service refuses more).
	 */
	static final int DEFAULT_LIMIT = 10_000;

	private final RiskPolicyStore policies;

	private final RoutingStore routing;

	private final RiskBacktests backtests;

	private final JsonMapper json;

	RiskPolicyAdminController(RiskPolicyStore policies, RoutingStore routing, RiskBacktests backtests,
			JsonMapper json) {
		this.policies = policies;
		this.routing = routing;
		this.backtests = backtests;
		this.json = json;
	}

	@GetMapping("/admin/risk/policies")
	RiskPolicies list(Caller caller) {
		Operators.requireAdmin(caller);
		return policies.current();
	}

	@PutMapping("/admin/risk/policies/{slot}")
	Map<String, Object> put(@PathVariable String slot, @RequestBody JsonNode body, Caller caller) {
		Operators.requireAdmin(caller);
		Slot target = slot(slot);
		RiskPolicy policy = policy(body);
		return Map.of("slot", target.key(), "policyVersion", policy.version(), "version", policies.set(target, policy));
	}

	@DeleteMapping("/admin/risk/policies/shadow")
	Map<String, Object> clearShadow(Caller caller) {
		Operators.requireAdmin(caller);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("slot", Slot.SHADOW.key());
		answer.put("policyVersion", null);
		answer.put("version", policies.set(Slot.SHADOW, null));
		return answer;
	}

	@PostMapping("/admin/risk/policies/shadow/promote")
	Map<String, Object> promote(Caller caller) {
		Operators.requireAdmin(caller);
		RiskPolicyStore.Promoted promoted = policies.promote();
		return Map.of("enforced", promoted.policyVersion(), "version", promoted.version());
	}

	/**
	 * What a candidate (the body's {@code policy}, else the one in shadow) would have
	 * changed over each RZone's newest {@code limit} decisions.
	 */
	@PostMapping("/admin/risk/policies/backtest")
	Map<String, Object> backtest(@RequestBody(required = false) @Nullable BacktestRequest request, Caller caller) {
		Operators.requireAdmin(caller);
		BacktestRequest asked = request == null ? new BacktestRequest(null, null, null) : request;
		RiskPolicy candidate = asked.policy() != null ? policy(asked.policy())
				: java.util.Optional.ofNullable(policies.current().shadow())
					.orElseThrow(() -> new ProblemException(ConfigProblem.NO_SHADOW_POLICY,
							"no policy runs in shadow: send one as {\"policy\": {...}}"));
		int limit = asked.limit() == null ? DEFAULT_LIMIT : asked.limit();
		int examples = asked.examples() == null ? 10 : asked.examples();
		if (limit < 1 || limit > DEFAULT_LIMIT || examples < 0 || examples > 100) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"limit is 1.." + DEFAULT_LIMIT + " and examples 0..100");
		}
		StoredRouting table = routing.newest()
			.orElseThrow(() -> new ProblemException(CommonProblem.STALE_GLOBAL_DATA, "no routing table yet"));
		Map<String, Object> report = new LinkedHashMap<>(backtests.run(table.table(), candidate, limit, examples));
		RiskPolicy enforced = policies.current().enforced();
		report.put("enforcedVersion", enforced == null ? "shipped" : enforced.version());
		return report;
	}

	private RiskPolicy policy(JsonNode body) {
		if (!body.isObject()) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"send a policy: {\"version\": ..., \"rules\": [...]}");
		}
		try {
			return json.treeToValue(body, RiskPolicy.class);
		}
		catch (RuntimeException ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "not a risk policy: " + root.getMessage());
		}
	}

	private static Slot slot(String key) {
		return Slot.of(key)
			.orElseThrow(() -> new ProblemException(ConfigProblem.RISK_POLICY_SLOT_NOT_FOUND,
					"a policy is 'enforced' or runs in 'shadow', not '" + key + "'"));
	}

	/** A candidate, or none for the one in shadow; how much each RZone replays. */
	record BacktestRequest(@Nullable JsonNode policy, @Nullable Integer limit, @Nullable Integer examples) {
	}

}
