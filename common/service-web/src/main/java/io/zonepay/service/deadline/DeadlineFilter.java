package io.zonepay.service.deadline;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.service.problem.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any work, a request whose caller has already stopped waiting
 * ({@code 503 DEADLINE_PASSED}): after a stall, the requests queued behind it would
 * otherwise all be served although their callers have left (and retried), and the service
 * would spend its connections on them while fresh requests time out in turn. Nothing was
 * done, so the caller may retry safely. A request without a deadline is served as before.
 */
final class DeadlineFilter extends OncePerRequestFilter {

	private final ProblemResponses problems;

	private final Counter refused;

	private final Clock clock;

	DeadlineFilter(ProblemResponses problems, Counter refused, Clock clock) {
		this.problems = problems;
		this.refused = refused;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<Deadline> deadline = Deadline.parse(request.getHeader(ZonePayHeaders.DEADLINE));
		if (deadline.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		if (deadline.get().passed(clock)) {
			refused.increment();
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			problems.write(request, response, CommonProblem.DEADLINE_PASSED, "the caller stopped waiting at "
					+ deadline.get().at() + " before this request could start; nothing was done", Map.of());
			return;
		}
		Deadlines.bind(deadline.get());
		try {
			chain.doFilter(request, response);
		}
		finally {
			Deadlines.clear();
		}
	}

}
