package io.zonepay.payment.zone;

import java.util.Map;

import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.service.problem.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A call to another service of this zone that no flow settled itself (an order look-up
 * with order-service away, say) is "retry shortly", not a bug: 503 with Retry-After,
 * never a 500 with a stack trace.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ZoneUnreachableHandler {

	private static final Logger log = LoggerFactory.getLogger(ZoneUnreachableHandler.class);

	private final ProblemResponses problems;

	ZoneUnreachableHandler(ProblemResponses problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ZoneUnreachable.class)
	void unreachable(ZoneUnreachable ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		log.warn("A service of this zone did not answer: {}", ex.getMessage());
		response.setHeader("Retry-After", "1");
		problems.write(request, response, CommonProblem.ZONE_UNAVAILABLE,
				"a service of this zone did not answer in time; retry shortly with the same Idempotency-Key", Map.of());
	}

}
