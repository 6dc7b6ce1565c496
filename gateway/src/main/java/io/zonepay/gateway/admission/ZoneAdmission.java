package io.zonepay.gateway.admission;

import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import io.netty.handler.timeout.ReadTimeoutException;
import io.zonepay.gateway.identity.GatewayCaller;
import io.zonepay.gateway.problem.ProblemWriter;
import io.zonepay.gateway.routing.RoutedRequest;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.problem.CommonProblem;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Admits a request to its zone only while the zone's requests in flight at this gateway
 * leave room for its priority class; otherwise {@code 503 OVERLOADED} with
 * {@code Retry-After} at once, before anything is sent: the excess of a spike is refused
 * early and cheaply instead of queueing in the zone until every caller times out. Each
 * admitted request's latency adapts the zone's limit.
 */
@Component
public class ZoneAdmission implements GlobalFilter, Ordered {

	/** The exchange attribute that holds the request's {@link PriorityClass}. */
	public static final String PRIORITY = PriorityClass.class.getName();

	/** The exchange attribute set (to {@code true}) on a request this gateway shed. */
	public static final String SHED = ZoneAdmission.class.getName() + ".shed";

	private final ZoneLimiters limiters;

	private final ShardMoves moves;

	private final AdmissionProperties properties;

	private final ProblemWriter problems;

	private final MeterRegistry meters;

	private final String retryAfter;

	ZoneAdmission(ZoneLimiters limiters, ShardMoves moves, AdmissionProperties properties, ProblemWriter problems,
			MeterRegistry meters) {
		this.limiters = limiters;
		this.moves = moves;
		this.properties = properties;
		this.problems = problems;
		this.meters = meters;
		this.retryAfter = Long.toString(Math.max(1, (properties.retryAfter().toMillis() + 999) / 1_000));
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		RoutedRequest routed = RoutedRequest.of(exchange);
		if (routed == null || !properties.enabled() || moves.settling(routed.shard())) {
			return chain.filter(exchange);
		}
		ServerHttpRequest request = exchange.getRequest();
		PriorityClass priority = PriorityClass.of(request.getMethod(), request.getURI().getRawPath(),
				GatewayCaller.of(exchange), request.getHeaders().getFirst(ZonePayHeaders.TRAFFIC));
		exchange.getAttributes().put(PRIORITY, priority);
		String zone = routed.zone().value();
		ZoneLimiter.Permit permit = limiters.of(zone).tryAcquire(priority);
		if (permit == null) {
			return shed(exchange, zone, priority);
		}
		return chain.filter(exchange)
			.doOnSuccess(done -> judge(permit, zone, exchange))
			.doOnError(failure -> judge(permit, failure))
			.doFinally(signal -> {
				if (signal == SignalType.CANCEL) {
					permit.ignored();
				}
			});
	}

	private Mono<Void> shed(ServerWebExchange exchange, String zone, PriorityClass priority) {
		meters.counter("zonepay.gateway.shed", "zone", zone, "class", priority.tag()).increment();
		exchange.getAttributes().put(SHED, true);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
		return problems.write(exchange, CommonProblem.OVERLOADED, zone + " is full: this gateway sheds "
				+ priority.tag() + " requests to it for now; retry after " + retryAfter + " s");
	}

	/**
	 * A zone that sheds or times out itself is past its limit; any other answer is a
	 * sample, unless another zone gave it (the request was sent on after a failover).
	 */
	private static void judge(ZoneLimiter.Permit permit, String zone, ServerWebExchange exchange) {
		RoutedRequest answeredBy = RoutedRequest.of(exchange);
		if (answeredBy == null || !answeredBy.zone().value().equals(zone)) {
			permit.ignored();
			return;
		}
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		if (status != null && (status.value() == HttpStatus.SERVICE_UNAVAILABLE.value()
				|| status.value() == HttpStatus.GATEWAY_TIMEOUT.value())) {
			permit.dropped();
		}
		else {
			permit.answered();
		}
	}

	private static void judge(ZoneLimiter.Permit permit, Throwable failure) {
		boolean timedOut = failure instanceof TimeoutException || failure instanceof ReadTimeoutException
				|| failure instanceof ResponseStatusException status
						&& status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value();
		if (timedOut) {
			permit.dropped();
		}
		else {
			permit.ignored();
		}
	}

	@Override
	public int getOrder() {
		// As soon as the zone is known, after the caller's own rate limit: a shed request
		// costs no signing, no copy of its body for a retry, no breaker call. A request
		// that a failover sends on to another zone was admitted once, by the first.
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 3;
	}

}
