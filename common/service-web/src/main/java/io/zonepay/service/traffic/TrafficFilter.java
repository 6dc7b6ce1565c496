package io.zonepay.service.traffic;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemCode;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.service.identity.Callers;
import io.zonepay.service.problem.ProblemResponses;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds a request to its traffic, real or shadow, as the gateway (or the zone's own
 * service that calls) signed it in the caller assertion; a service never takes the tag
 * from anywhere else. Fails closed: a shadow request from a caller that may not send one,
 * whose plain header contradicts its assertion, or that this service cannot keep apart
 * from real data ({@link ShadowSupport}) is refused before anything reads or writes.
 */
final class TrafficFilter extends OncePerRequestFilter {

	/** The request attribute holding the request's {@link Traffic}, for metrics. */
	static final String ATTRIBUTE = Traffic.class.getName();

	/** The MDC key the log pattern prints on every line of shadow work. */
	static final String MDC_KEY = "traffic";

	private final ShadowSupport shadow;

	private final ProblemResponses problems;

	TrafficFilter(ShadowSupport shadow, ProblemResponses problems) {
		this.shadow = shadow;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CallerAssertion assertion = Callers.assertion(request);
		Traffic traffic = assertion == null ? Traffic.REAL : assertion.traffic();
		Refusal refusal = refusal(request, assertion, traffic);
		if (refusal != null) {
			problems.write(request, response, refusal.code(), refusal.detail(), Map.of());
			return;
		}
		request.setAttribute(ATTRIBUTE, traffic);
		if (!traffic.isShadow()) {
			chain.doFilter(request, response);
			return;
		}
		response.setHeader(ZonePayHeaders.TRAFFIC, traffic.tag());
		MDC.put(MDC_KEY, traffic.tag());
		try (TrafficScope.Scope ignored = TrafficScope.enter(traffic)) {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/** Why the request is refused, or {@code null} when it may go on. */
	private @Nullable Refusal refusal(HttpServletRequest request, @Nullable CallerAssertion assertion,
			Traffic traffic) {
		String header = request.getHeader(ZonePayHeaders.TRAFFIC);
		if (header != null && !header.isEmpty() && !header.equals(traffic.tag())) {
			return new Refusal(CommonProblem.FORBIDDEN, ZonePayHeaders.TRAFFIC + " says '" + header
					+ "' but the caller assertion was signed for " + traffic.tag() + " traffic");
		}
		if (!traffic.isShadow() || assertion == null) {
			return null;
		}
		if (!assertion.caller().has(Role.LOADTEST) && !assertion.caller().has(Role.SYSTEM)) {
			return new Refusal(CommonProblem.FORBIDDEN, "shadow traffic needs the loadtest role");
		}
		if (!shadow.accepts(request)) {
			return new Refusal(CommonProblem.SHADOW_UNAVAILABLE,
					"this service cannot keep this shadow request apart from real data; nothing was done");
		}
		return null;
	}

	private record Refusal(ProblemCode code, String detail) {
	}

}
