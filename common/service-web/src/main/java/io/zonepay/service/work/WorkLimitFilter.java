package io.zonepay.service.work;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.micrometer.core.instrument.Counter;
import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.service.deadline.Deadlines;
import io.zonepay.service.identity.Callers;
import io.zonepay.service.problem.ProblemResponses;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves at most a bounded number of outside requests at once; one that finds no place
 * waits briefly (bounded, and by what its deadline leaves), then gets
 * {@code 503 SERVICE_BUSY} with {@code Retry-After}, before any work: past its capacity a
 * service refuses rather than queueing requests it would finish after their callers left.
 * Calls from the zone's own services (a payment's posting, say) are part of work already
 * taken, and are never refused here; nor are the actuator's endpoints, which the
 * supervisor must reach most when the service is busiest.
 */
final class WorkLimitFilter extends OncePerRequestFilter {

	private final Semaphore places;

	private final int maxInFlight;

	private final Duration maxWait;

	private final ProblemResponses problems;

	private final Counter refused;

	private final Clock clock;

	WorkLimitFilter(WorkLimitProperties properties, ProblemResponses problems, Counter refused, Clock clock) {
		this.places = new Semaphore(properties.maxInFlight());
		this.maxInFlight = properties.maxInFlight();
		this.maxWait = properties.maxWait();
		this.problems = problems;
		this.refused = refused;
		this.clock = clock;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!request.getRequestURI().startsWith("/api/")) {
			return true;
		}
		CallerAssertion assertion = Callers.assertion(request);
		return assertion != null && assertion.caller().has(Role.SYSTEM);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!acquire()) {
			refused.increment();
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			problems.write(request, response, CommonProblem.SERVICE_BUSY,
					"this service is serving all the requests it can finish in time; nothing was done", Map.of());
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			places.release();
		}
	}

	private boolean acquire() {
		if (TrafficScope.isShadow()) {
			return acquireForShadow();
		}
		if (places.tryAcquire()) {
			return true;
		}
		Duration wait = maxWait;
		Deadline deadline = Deadlines.current();
		if (deadline != null) {
			Duration half = Duration.between(clock.instant(), deadline.at()).dividedBy(2);
			wait = half.compareTo(wait) < 0 ? half : wait;
		}
		if (!wait.isPositive()) {
			return false;
		}
		try {
			return places.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * A load test's request is the lowest class here too: it takes a place only while
	 * more than half of them are free, and never waits for one.
	 */
	private boolean acquireForShadow() {
		while (true) {
			int free = places.availablePermits();
			if (free * 2 <= maxInFlight) {
				return false;
			}
			if (places.tryAcquire()) {
				return true;
			}
		}
	}

	int inFlight(int maxInFlight) {
		return maxInFlight - places.availablePermits();
	}

}
