package io.zonepay.gateway.routing;

import java.time.Clock;
import java.time.Duration;

import io.zonepay.gateway.identity.GatewayCaller;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Hands the authenticated caller to the zone in a signed assertion bound to this request,
 * with the request's deadline (when the gateway stops waiting for the zone), and makes
 * sure every answer says which zone and epoch it was routed to, even when the gateway had
 * to answer for the zone.
 */
@Component
class CallerSigningFilter implements GlobalFilter, Ordered {

	private static final String DEADLINE = CallerSigningFilter.class.getName() + ".deadline";

	private final CallerSigner signer;

	private final @Nullable Duration responseTimeout;

	private final Clock clock = Clock.systemUTC();

	CallerSigningFilter(CallerSigner signer, HttpClientProperties httpClient) {
		this.signer = signer;
		this.responseTimeout = httpClient.getResponseTimeout();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		RoutedRequest routed = RoutedRequest.of(exchange);
		Caller caller = GatewayCaller.of(exchange);
		if (routed == null || caller == null) {
			return chain.filter(exchange);
		}
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getURI().getRawPath();
		String assertion = signer.sign(caller, method, path, routed.shard(), GatewayCaller.trafficOf(exchange));
		@Nullable Deadline deadline = deadline(exchange);
		ServerWebExchange signed = exchange.mutate().request(builder -> builder.headers(headers -> {
			headers.set(ZonePayHeaders.CALLER, assertion);
			headers.set(ZonePayHeaders.EPOCH, Long.toString(routed.epoch()));
			if (deadline != null) {
				headers.set(ZonePayHeaders.DEADLINE, deadline.header());
			}
		})).build();
		signed.getResponse().beforeCommit(() -> {
			// Read at commit: a request retried at another zone (WrongZoneRetry) answers
			// for that zone.
			RoutedRequest answered = RoutedRequest.of(signed);
			HttpHeaders headers = signed.getResponse().getHeaders();
			if (answered != null && !headers.containsHeader(ZonePayHeaders.ZONE)) {
				headers.set(ZonePayHeaders.ZONE, answered.zone().value());
				headers.set(ZonePayHeaders.EPOCH, Long.toString(answered.epoch()));
			}
			return Mono.empty();
		});
		return chain.filter(signed);
	}

	/**
	 * The deadline a request left with, if it has left: what a request held for a
	 * failover may still spend.
	 */
	static @Nullable Deadline deadlineOf(ServerWebExchange exchange) {
		return exchange.getAttribute(DEADLINE);
	}

	/**
	 * Fixed when the request first leaves: a request retried at another zone keeps its
	 * first deadline.
	 */
	private @Nullable Deadline deadline(ServerWebExchange exchange) {
		if (responseTimeout == null) {
			return null;
		}
		return (Deadline) exchange.getAttributes()
			.computeIfAbsent(DEADLINE, name -> Deadline.in(responseTimeout, clock));
	}

	@Override
	public int getOrder() {
		// After the routing filters have picked the zone, before the request leaves.
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 4;
	}

}
