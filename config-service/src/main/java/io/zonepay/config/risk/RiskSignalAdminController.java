package io.zonepay.config.risk;

import java.util.Map;

import io.zonepay.config.global.Operators;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.risk.RiskSignal;
import io.zonepay.kernel.risk.RiskSignals;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signals every zone shares about users and merchants: {@code GET /admin/risk/signals},
 * {@code PUT /admin/risk/signals/{subject}} ({@code user:1000031}, {@code merchant:42})
 * with {@code {"risk"?, "blocked"?, "reason"?}}. Global data: every zone's decisions see
 * a change within the CZone bound, as the {@code payer_risk} and
 * {@code counterparty_risk} features, with their age as {@code signals_age_s}.
 */
@RestController
@Profile("!czone")
class RiskSignalAdminController {

	private final RiskSignalStore signals;

	RiskSignalAdminController(RiskSignalStore signals) {
		this.signals = signals;
	}

	@GetMapping("/admin/risk/signals")
	RiskSignals list(Caller caller) {
		Operators.requireAdmin(caller);
		return signals.current();
	}

	@PutMapping("/admin/risk/signals/{subject}")
	Map<String, Object> put(@PathVariable String subject, @RequestBody SignalRequest request, Caller caller) {
		Operators.requireAdmin(caller);
		if (!RiskSignal.isSubject(subject)) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"a signal is about 'user:<id>' or 'merchant:<id>', not '" + subject + "'");
		}
		RiskSignal signal;
		try {
			signal = new RiskSignal(request.risk() == null ? 0 : request.risk(), Boolean.TRUE.equals(request.blocked()),
					request.reason());
		}
		catch (IllegalArgumentException ex) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, ex.getMessage());
		}
		return Map.of("subject", subject, "signal", signal, "version", signals.set(subject, signal));
	}

	/** A signal: its risk (0 to 1, 0 when left out), whether blocked, and why. */
	record SignalRequest(@Nullable Double risk, @Nullable Boolean blocked, @Nullable String reason) {
	}

}
