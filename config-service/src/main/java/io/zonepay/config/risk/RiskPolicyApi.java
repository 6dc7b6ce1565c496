package io.zonepay.config.risk;

import java.util.List;
import java.util.Map;

import io.zonepay.config.ConfigProblem;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.risk.RiskPolicies;
import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.kernel.risk.RiskSignal;
import io.zonepay.kernel.risk.RiskSignals;
import io.zonepay.service.openapi.ApiOperations;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import static io.zonepay.config.global.GlobalReadHeaders.globalWrite;

/** What the risk policy and signal calls take and answer, for the OpenAPI document. */
@Configuration(proxyBeanMethods = false)
@Profile("!czone")
class RiskPolicyApi {

	private static final String PUT = "PUT /admin/risk/policies/{slot}";

	private static final String CLEAR = "DELETE /admin/risk/policies/shadow";

	private static final String PROMOTE = "POST /admin/risk/policies/shadow/promote";

	private static final String BACKTEST = "POST /admin/risk/policies/backtest";

	private static final String SIGNAL = "PUT /admin/risk/signals/{subject}";

	@Bean
	ApiOperations riskPolicyCalls() {
		ApiOperations.Builder builder = ApiOperations.builder();
		for (String write : List.of(PUT, CLEAR, PROMOTE, SIGNAL)) {
			globalWrite(builder, write);
		}
		return builder.answers("GET /admin/risk/policies", 200, RiskPolicies.class)
			.reads(PUT, RiskPolicy.class)
			.answers(PUT, 200, SlotWritten.class)
			.problems(PUT, ConfigProblem.RISK_POLICY_SLOT_NOT_FOUND, ConfigProblem.RISK_POLICY_VERSION_TAKEN,
					CommonProblem.VALIDATION_FAILED)
			.answers(CLEAR, 200, SlotWritten.class)
			.answers(PROMOTE, 200, Promoted.class)
			.problems(PROMOTE, ConfigProblem.NO_SHADOW_POLICY)
			.reads(BACKTEST, RiskPolicyAdminController.BacktestRequest.class)
			.answers(BACKTEST, 200, BacktestReport.class)
			.problems(BACKTEST, ConfigProblem.NO_SHADOW_POLICY, CommonProblem.VALIDATION_FAILED)
			.answers("GET /admin/risk/signals", 200, RiskSignals.class)
			.reads(SIGNAL, RiskSignalAdminController.SignalRequest.class)
			.answers(SIGNAL, 200, SignalWritten.class)
			.problems(SIGNAL, ConfigProblem.TOO_MANY_RISK_SIGNALS, CommonProblem.VALIDATION_FAILED)
			.build();
	}

	/**
	 * A slot as just set: the policy in it (none once emptied) and the version of global
	 * data that holds it.
	 */
	record SlotWritten(String slot, @Nullable String policyVersion, long version) {
	}

	/** A signal as just set, with the version of global data that holds it. */
	record SignalWritten(String subject, RiskSignal signal, long version) {
	}

	/** The shadow policy, enforced now. */
	record Promoted(String enforced, long version) {
	}

	/**
	 * What the candidate would have changed over the RZones' newest decisions: how many
	 * were replayed, how many it changes, by transition ({@code ALLOW->BLOCK}), some of
	 * them, and each zone's part.
	 */
	record BacktestReport(String candidateVersion, String enforcedVersion, long decisions, long changed,
			Map<String, Integer> transitions, List<Map<String, Object>> examples, Map<String, Object> zones) {
	}

}
