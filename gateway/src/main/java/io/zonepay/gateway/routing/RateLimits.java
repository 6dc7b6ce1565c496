package io.zonepay.gateway.routing;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.gateway.identity.GatewayCaller;
import io.zonepay.gateway.problem.ProblemWriter;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Token buckets in the gateway's memory: one per caller, so one noisy user cannot crowd
 * out the others, and one per zone, so a flood cannot drown a zone. Past either,
 * {@code 429 RATE_LIMITED} with {@code Retry-After}, before the request is signed or
 * sent. Each gateway limits what passes through it; the limits are per gateway, not
 * global.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimits implements GlobalFilter, Ordered {

	private final RateLimitProperties properties;

	private final Cache<String, Bucket> callers;

	private final Map<String, Bucket> zones = new ConcurrentHashMap<>();

	private final ProblemWriter problems;

	private final MeterRegistry meters;

	RateLimits(RateLimitProperties properties, ProblemWriter problems, MeterRegistry meters) {
		this.properties = properties;
		this.callers = Caffeine.newBuilder()
			.maximumSize(properties.trackedCallers())
			.expireAfterAccess(properties.idleAfter())
			.build();
		this.problems = problems;
		this.meters = meters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		Caller caller = GatewayCaller.of(exchange);
		boolean user = caller != null && caller.user() != null;
		// A load test acting as a user has a budget of its own, apart from the user's.
		String key = (user ? "user:" + caller.user().value() : "address:" + address(exchange))
				+ (GatewayCaller.trafficOf(exchange).isShadow() ? ":shadow" : "");
		ConsumptionProbe own = callers
			.get(key,
					ignored -> user ? bucket(properties.userPerSecond(), properties.userBurst())
							: bucket(properties.anonymousPerSecond(), properties.anonymousBurst()))
			.tryConsumeAndReturnRemaining(1);
		if (!own.isConsumed()) {
			return refuse(exchange, "caller", own, "too many requests from this caller");
		}
		RoutedRequest routed = RoutedRequest.of(exchange);
		if (routed != null) {
			Bucket zone = zones.computeIfAbsent(routed.zone().value(),
					ignored -> bucket(properties.zonePerSecond(), properties.zoneBurst()));
			ConsumptionProbe probe = zone.tryConsumeAndReturnRemaining(1);
			if (!probe.isConsumed()) {
				return refuse(exchange, "zone", probe,
						routed.zone() + " gets more requests through this gateway than it may take");
			}
		}
		return chain.filter(exchange);
	}

	private Mono<Void> refuse(ServerWebExchange exchange, String scope, ConsumptionProbe probe, String detail) {
		meters.counter("zonepay.gateway.rate.limited", "scope", scope).increment();
		long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
		exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
		return problems.write(exchange, CommonProblem.RATE_LIMITED, detail + "; retry after " + seconds + " s");
	}

	private static Bucket bucket(long perSecond, long burst) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)).build())
			.build();
	}

	private static String address(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}

	@Override
	public int getOrder() {
		// After authentication and the choice of zone, before the request is signed: a
		// refused request costs nothing more.
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 2;
	}

}
