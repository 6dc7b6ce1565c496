package io.zonepay.gateway.routing;

import java.util.List;

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

/** {@code RouteToGzone=config}: sends a request to the named service of the GZone, the single writer of global data. */
@Component
class RouteToGzoneGatewayFilterFactory extends AbstractGatewayFilterFactory<RouteByShardGatewayFilterFactory.Config> {

	private final RoutingTables tables;

	private final ZoneTargets targets;

	RouteToGzoneGatewayFilterFactory(RoutingTables tables, ZoneTargets targets) {
		super(RouteByShardGatewayFilterFactory.Config.class);
		this.tables = tables;
		this.targets = targets;
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
		Zone gzone = table == null ? null : table.gzone().orElse(null);
		if (table == null || gzone == null) {
			return targets.unavailable(exchange, "the gateway does not know where the GZone is yet");
		}
		return targets.forward(exchange, chain, table, gzone, service, null);
	}
}
