package io.zonepay.payment.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.service.shardgroup.ShardScopes;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/risk/backtest}: a candidate policy replayed on this zone's newest
 * stored decisions (of real traffic, in every shard group it serves). The GZone asks
 * every RZone and adds the answers up ({@code POST /admin/risk/policies/backtest}).
 */
@RestController
class RiskBacktestController {

	/**
	 * A bound on what one request reads and holds: each group's newest decisions are held
	 * at once (about 1 KB each with their features), and a zone may serve several groups.
	 */
	static final int MAX_DECISIONS = 10_000;

	static final int MAX_EXAMPLES = 100;

	private final RiskDecisionHistory history;

	private final @Nullable ShardScopes scopes;

	private final JsonMapper json;

	RiskBacktestController(RiskDecisionHistory history, ObjectProvider<ShardScopes> scopes, JsonMapper json) {
		this.history = history;
		this.scopes = scopes.getIfAvailable();
		this.json = json;
	}

	@PostMapping("/internal/risk/backtest")
	RiskBacktest.Report backtest(@RequestBody BacktestRequest request, Caller caller) {
		if (!caller.has(Role.SYSTEM) && !caller.has(Role.ADMIN)) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "backtests are for operators and the GZone");
		}
		RiskPolicy candidate = policy(request.policy());
		int limit = request.limit() == null ? MAX_DECISIONS : request.limit();
		int examples = request.examples() == null ? 10 : request.examples();
		if (limit < 1 || limit > MAX_DECISIONS || examples < 0 || examples > MAX_EXAMPLES) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"limit is 1.." + MAX_DECISIONS + " and examples 0.." + MAX_EXAMPLES);
		}
		List<RiskBacktest.StoredDecision> decisions = new ArrayList<>();
		ShardScopes.inEachServedGroup(scopes, () -> {
			if (!TrafficScope.isShadow()) {
				decisions.addAll(history.newest(limit, scopes == null ? null : scopes.held()));
			}
		}).run();
		decisions.sort(Comparator.comparing(RiskBacktest.StoredDecision::decidedAt).reversed());
		return RiskBacktest.replay(candidate, decisions.subList(0, Math.min(limit, decisions.size())), examples);
	}

	private RiskPolicy policy(@Nullable JsonNode policy) {
		if (policy == null || !policy.isObject()) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "send the candidate as {\"policy\": {...}}");
		}
		try {
			return json.treeToValue(policy, RiskPolicy.class);
		}
		catch (RuntimeException ex) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "not a risk policy: " + rootMessage(ex));
		}
	}

	static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage());
	}

	/**
	 * A candidate and how much to replay: the newest {@code limit} decisions, naming
	 * {@code examples} of those it changes.
	 */
	record BacktestRequest(@Nullable JsonNode policy, @Nullable Integer limit, @Nullable Integer examples) {
	}

}
