package io.zonepay.gateway.routing;

import java.util.List;

import io.zonepay.gateway.GatewayProperties;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.runtime.routing.RoutingTables;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code RouteToCzone=config}: sends a read of global data to this gateway's city's CZone, so that it never crosses a
 * city; to the GZone in a topology with no CZone in this city.
 */
@Component
class RouteToCzoneGatewayFilterFactory extends AbstractGatewayFilterFactory<RouteByShardGatewayFilterFactory.Config> {

	private final RoutingTables tables;

	private final ZoneTargets targets;

	private final GatewayProperties gateway;

	RouteToCzoneGatewayFilterFactory(RoutingTables tables, ZoneTargets targets, GatewayProperties gateway) {
		super(RouteByShardGatewayFilterFactory.Config.class);
		this.tables = tables;
		this.targets = targets;
		this.gateway = gateway;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("service");
	}

	@Override
	public GatewayFilter apply(RouteByShardGatewayFilterFactory.Config config) {
		return new OrderedGatewayFilter((exchange, chain) -> route(exchange, chain, config.getService()), RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1);
	}

	private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, String service) {
		RoutingTable table = tables.current();
		Zone czone = table == null ? null : table.czoneOf(gateway.city()).or(table::gzone).orElse(null);
		if (table == null || czone == null) {
			return targets.unavailable(exchange, "the gateway does not know where its city's CZone is yet");
		}
		return targets.forward(exchange, chain, table, czone, service, null);
	}
}
