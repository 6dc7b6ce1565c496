package io.zonepay.gateway.routing;

import java.net.URI;

import io.zonepay.gateway.problem.ProblemWriter;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.Shard;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Points a request at a service of a zone, or answers that the zone cannot be reached.
 */
@Component
class ZoneTargets {

	private final ProblemWriter problems;

	ZoneTargets(ProblemWriter problems) {
		this.problems = problems;
	}

	Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, RoutingTable table, Zone zone,
			String service, @Nullable Shard shard) {
		URI endpoint = zone.endpoint(service).orElse(null);
		if (endpoint == null) {
			return unavailable(exchange, zone.id().value() + " has no " + service + " service");
		}
		URI original = exchange.getRequest().getURI();
		URI target = UriComponentsBuilder.fromUri(endpoint)
			.replacePath(original.getRawPath())
			.replaceQuery(original.getRawQuery())
			.build(true)
			.toUri();
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, target);
		exchange.getAttributes()
			.put(RoutedRequest.ATTRIBUTE, new RoutedRequest(zone.id(), table.epoch(), shard, service));
		return chain.filter(exchange);
	}

	/**
	 * Forgets a sent attempt that got no answer worth passing on (a zone that refused it
	 * as misrouted, a copy that could not be reached), so that the request can go out
	 * again: its connection, its routing, what the response had.
	 */
	static void forgetAttempt(ServerWebExchange exchange) {
		Connection connection = exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		if (connection != null) {
			connection.dispose();
		}
		ServerWebExchangeUtils.reset(exchange);
		exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR);
		exchange.getAttributes().remove(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR);
		exchange.getResponse().setStatusCode(null);
		exchange.getResponse().getHeaders().remove(ZonePayHeaders.ZONE);
		exchange.getResponse().getHeaders().remove(ZonePayHeaders.EPOCH);
	}

	Mono<Void> unavailable(ServerWebExchange exchange, String detail) {
		exchange.getResponse().getHeaders().set("Retry-After", "1");
		return problems.write(exchange, CommonProblem.ZONE_UNAVAILABLE, detail);
	}

}
