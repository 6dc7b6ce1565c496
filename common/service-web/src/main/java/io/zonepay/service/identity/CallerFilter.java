package io.zonepay.service.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.InvalidCallerException;
import io.zonepay.kernel.identity.ReplayGuard;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.service.problem.ProblemResponses;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a request in only with a valid, unexpired, unused caller assertion for exactly
 * this method and path, signed with the key gateways share. Services never read the
 * caller from anywhere else, so a client that reaches a service directly cannot claim to
 * be anyone.
 */
final class CallerFilter extends OncePerRequestFilter {

	private final CallerSigner signer;

	private final ReplayGuard replays;

	private final ProblemResponses problems;

	CallerFilter(CallerSigner signer, ReplayGuard replays, ProblemResponses problems) {
		this.signer = signer;
		this.replays = replays;
		this.problems = problems;
	}

	/**
	 * The OpenAPI description of a service is public: it says what the API is, not whose
	 * data is where.
	 */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		CallerAssertion assertion;
		try {
			assertion = signer.verify(request.getHeader(ZonePayHeaders.CALLER), request.getMethod(),
					request.getRequestURI());
			replays.accept(assertion);
		}
		catch (InvalidCallerException ex) {
			problems.write(request, response, CommonProblem.UNAUTHENTICATED, ex.getMessage(), Map.of());
			return;
		}
		request.setAttribute(Callers.ATTRIBUTE, assertion);
		chain.doFilter(request, response);
	}

}
