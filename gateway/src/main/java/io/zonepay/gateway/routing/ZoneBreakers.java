package io.zonepay.gateway.routing;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.unix.Errors.NativeIoException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * A circuit breaker per zone: once a zone keeps failing to answer, its requests get
 * {@code 503 ZONE_UNAVAILABLE} at once, without a connection attempt or a wait, and
 * requests for other zones never notice. Only failures to reach the zone count (refused
 * or timed-out connections, no answer in time); any answer the zone gives, errors
 * included, is the zone answering.
 */
@Component
@EnableConfigurationProperties(ZoneBreakerProperties.class)
class ZoneBreakers implements GlobalFilter, Ordered {

	private final CircuitBreakerRegistry breakers;

	private final long retryAfterSeconds;

	ZoneBreakers(ZoneBreakerProperties properties, MeterRegistry meters) {
		this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
			.failureRateThreshold(properties.failureRateThreshold())
			.slidingWindowSize(properties.slidingWindow())
			.minimumNumberOfCalls(properties.minimumCalls())
			.waitDurationInOpenState(properties.openFor())
			.permittedNumberOfCallsInHalfOpenState(properties.probeCalls())
			.recordException(ZoneBreakers::unreachable)
			.build());
		// resilience4j_circuitbreaker_state{name=<zone>} and its calls, for the
		// operations page and dashboards.
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
		this.retryAfterSeconds = Math.max(1, properties.openFor().toSeconds());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		RoutedRequest routed = RoutedRequest.of(exchange);
		if (routed == null) {
			return chain.filter(exchange);
		}
		CircuitBreaker breaker = breakers.circuitBreaker(routed.zone().value());
		if (!breaker.tryAcquirePermission()) {
			exchange.getResponse().getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
			// An error, not an answer: a request that may wait for the zone's failover is
			// held further out.
			return Mono.error(new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
					routed.zone() + " is failing to answer; the gateway sends it nothing for a few seconds"));
		}
		long start = System.nanoTime();
		return chain.filter(exchange)
			.doOnSuccess(done -> breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS))
			.doOnError(failure -> breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure))
			.doFinally(signal -> {
				if (signal == SignalType.CANCEL) {
					// The client went away: the zone was neither judged healthy nor
					// failing.
					breaker.releasePermission();
				}
			});
	}

	/** Whether the breaker refused a request before it left: the zone was not asked. */
	static boolean refusedByBreaker(Throwable failure) {
		return failure instanceof ProblemException problem && problem.problem() == CommonProblem.ZONE_UNAVAILABLE;
	}

	/**
	 * Whether a failure means the zone could not be reached, did not answer in time or
	 * dropped the connection.
	 */
	static boolean unreachable(Throwable failure) {
		return failure instanceof ConnectException || failure instanceof ConnectTimeoutException
				|| failure instanceof UnknownHostException || failure instanceof TimeoutException
				|| failure instanceof ReadTimeoutException || failure instanceof PrematureCloseException
				|| failure instanceof AbortedException || failure instanceof NativeIoException
				|| failure instanceof ResponseStatusException status
						&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
	}

	/** The state of a zone's breaker, for tests and the operations page. */
	CircuitBreaker.State state(String zone) {
		return breakers.circuitBreaker(zone).getState();
	}

	@Override
	public int getOrder() {
		// Right before the request leaves, inside the wrong-zone retry, so that a retried
		// request counts for the zone it was retried at; after the zone's admission, so
		// that a request shed there was not the zone failing.
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 6;
	}

}
