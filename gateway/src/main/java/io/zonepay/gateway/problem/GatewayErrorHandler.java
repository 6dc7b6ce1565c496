package io.zonepay.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;

import io.netty.channel.ConnectTimeoutException;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every failure the gateway meets becomes a problem with a stable code: a zone that
 * cannot be reached is a fast {@code 503 ZONE_UNAVAILABLE} with {@code Retry-After},
 * never a hang or a stack trace.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

	private final ProblemWriter problems;

	GatewayErrorHandler(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof ProblemException problem) {
			return problems.write(exchange, problem.problem(), problem.detail(), problem.properties());
		}
		if (ex instanceof ConnectException || ex instanceof ConnectTimeoutException
				|| ex instanceof UnknownHostException) {
			exchange.getResponse().getHeaders().set("Retry-After", "1");
			return problems.write(exchange, CommonProblem.ZONE_UNAVAILABLE,
					"the zone that serves this request cannot be reached");
		}
		if (ex instanceof IOException) {
			// The zone died, reset or dropped the connection mid-request
			// (PrematureCloseException, AbortedException, a
			// reset): whether it acted is unknown, so only a retry with the same
			// Idempotency-Key is safe.
			exchange.getResponse().getHeaders().set("Retry-After", "1");
			return problems.write(exchange, GatewayProblem.ZONE_CONNECTION_LOST,
					"the zone dropped the connection; retry with the same Idempotency-Key");
		}
		if (ex instanceof DataBufferLimitException) {
			// Past the swallow bound the rest of the body is left unread: the connection
			// cannot carry another request.
			exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
			return problems.write(exchange, CommonProblem.PAYLOAD_TOO_LARGE, "the request body is too large");
		}
		if (ex instanceof ResponseStatusException status) {
			return byStatus(exchange, status);
		}
		log.error("Unexpected failure routing {} {}", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath(), ex);
		return problems.write(exchange, CommonProblem.INTERNAL_ERROR, "the gateway failed to handle the request",
				Map.of());
	}

	private Mono<Void> byStatus(ServerWebExchange exchange, ResponseStatusException ex) {
		int status = ex.getStatusCode().value();
		if (status == HttpStatus.GATEWAY_TIMEOUT.value()) {
			return problems.write(exchange, GatewayProblem.ZONE_TIMEOUT,
					"the zone did not answer in time; retry with the same Idempotency-Key");
		}
		return switch (status) {
			case 404 -> problems.write(exchange, CommonProblem.NOT_FOUND, "no such resource");
			case 405 -> problems.write(exchange, CommonProblem.METHOD_NOT_ALLOWED, "method not allowed here");
			case 413 -> problems.write(exchange, CommonProblem.PAYLOAD_TOO_LARGE, "the request body is too large");
			case 415 -> problems.write(exchange, CommonProblem.UNSUPPORTED_MEDIA_TYPE, "the request body must be JSON");
			default -> status >= 500
					? problems.write(exchange, CommonProblem.INTERNAL_ERROR, "the gateway failed to handle the request")
					: problems.write(exchange, CommonProblem.VALIDATION_FAILED, String.valueOf(ex.getReason()));
		};
	}

}
