package io.zonepay.gateway.routing;

import java.util.List;
import java.util.Optional;

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
 * {@code RouteToZone=gzone,config}: writes and administration go to the GZone, the single writer of global data.
 * {@code RouteToZone=czone,config}: reads of global data go to this gateway's own city's CZone, so they never cross a
 * city (to the GZone in a topology with no CZone in this city).
 */
@Component
class RouteToZoneGatewayFilterFactory extends AbstractGatewayFilterFactory<RouteToZoneGatewayFilterFactory.Config> {

	private final RoutingTables tables;

	private final ZoneTargets targets;

	private final GatewayProperties gateway;

	RouteToZoneGatewayFilterFactory(RoutingTables tables, ZoneTargets targets, GatewayProperties gateway) {
		super(Config.class);
		this.tables = tables;
		this.targets = targets;
		this.gateway = gateway;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("zone", "service");
	}

	@Override
	public GatewayFilter apply(Config config) {
		return new OrderedGatewayFilter((exchange, chain) -> route(exchange, chain, config), RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1);
	}

	private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, Config config) {
		RoutingTable table = tables.current();
		Zone zone = table == null ? null : target(table, config.getZone()).orElse(null);
		if (table == null || zone == null) {
			return targets.unavailable(exchange, "the gateway does not know where the " + config.getZone() + " is yet");
		}
		return targets.forward(exchange, chain, table, zone, config.getService(), null);
	}

	private Optional<Zone> target(RoutingTable table, String kind) {
		return switch (kind) {
			case "gzone" -> table.gzone();
			case "czone" -> table.czoneOf(gateway.city()).or(table::gzone);
			default -> throw new IllegalArgumentException("RouteToZone takes gzone or czone, not " + kind);
		};
	}

	/** Which zone (gzone or czone) and which of its services handle the route. */
	public static class Config {

		private String zone = "";

		private String service = "";

		public String getZone() {
			return zone;
		}

		public void setZone(String zone) {
			this.zone = zone;
		}

		public String getService() {
			return service;
		}

		public void setService(String service) {
			this.service = service;
		}
	}
}
