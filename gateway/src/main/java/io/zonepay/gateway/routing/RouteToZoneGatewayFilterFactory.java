package io.zonepay.gateway.routing;

import java.util.ArrayList;
import java.util.List;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.zonepay.gateway.GatewayProperties;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneKind;
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
 * {@code RouteToZone=gzone,config}: writes and administration go to the GZone, the single
 * writer of global data, or to its standby when the GZone cannot be reached (a standby
 * answers {@code 503 NOT_THE_WRITER} until it is promoted; a request that never reached
 * the GZone changed nothing, so sending it on is safe). {@code RouteToZone=czone,config}:
 * reads of global data go to this gateway's own city's CZone, so they never cross a city
 * while it answers; when it cannot be reached (or its breaker is open), to another city's
 * CZone, then to the GZone, each copy keeping its own staleness rule. That route takes
 * only GETs: nothing sent twice changes anything.
 */
@Component
class RouteToZoneGatewayFilterFactory extends AbstractGatewayFilterFactory<RouteToZoneGatewayFilterFactory.Config> {

	private final RoutingTables tables;

	private final ZoneTargets targets;

	private final ZoneBreakers breakers;

	private final GatewayProperties gateway;

	RouteToZoneGatewayFilterFactory(RoutingTables tables, ZoneTargets targets, ZoneBreakers breakers,
			GatewayProperties gateway) {
		super(Config.class);
		this.tables = tables;
		this.targets = targets;
		this.breakers = breakers;
		this.gateway = gateway;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("zone", "service");
	}

	@Override
	public GatewayFilter apply(Config config) {
		return new OrderedGatewayFilter((exchange, chain) -> route(exchange, chain, config),
				RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1);
	}

	private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, Config config) {
		RoutingTable table = tables.current();
		List<Zone> candidates = table == null ? List.of() : candidates(table, config.getZone());
		if (table == null || candidates.isEmpty()) {
			return targets.unavailable(exchange, "the gateway does not know where the " + config.getZone() + " is yet");
		}
		return attempt(exchange, chain, table, candidates, 0, config.getService());
	}

	/**
	 * Sends to a candidate; one that cannot be reached hands the request to the next,
	 * while the response is untouched.
	 */
	private Mono<Void> attempt(ServerWebExchange exchange, GatewayFilterChain chain, RoutingTable table,
			List<Zone> candidates, int index, String service) {
		Zone zone = candidates.get(index);
		boolean last = index == candidates.size() - 1;
		if (!last && breakers.state(zone.id().value()) == CircuitBreaker.State.OPEN) {
			return attempt(exchange, chain, table, candidates, index + 1, service);
		}
		Mono<Void> sent = targets.forward(exchange, chain, table, zone, service, null);
		if (last) {
			return sent;
		}
		return sent.onErrorResume(failure -> ZoneBreakers.unreachable(failure) && !exchange.getResponse().isCommitted(),
				failure -> {
					ZoneTargets.forgetAttempt(exchange);
					return attempt(exchange, chain, table, candidates, index + 1, service);
				});
	}

	/**
	 * Where a request may go, in order: the writer GZone, then its standby; or the city's
	 * CZones, every other city's, then the GZones.
	 */
	private List<Zone> candidates(RoutingTable table, String kind) {
		if (kind.equals("gzone")) {
			return table.gzones();
		}
		if (!kind.equals("czone")) {
			throw new IllegalArgumentException("RouteToZone takes gzone or czone, not " + kind);
		}
		List<Zone> czones = table.zones().stream().filter(zone -> zone.kind() == ZoneKind.CZONE).toList();
		List<Zone> candidates = new ArrayList<>(
				czones.stream().filter(zone -> zone.city().equals(gateway.city())).toList());
		candidates.addAll(czones.stream().filter(zone -> !zone.city().equals(gateway.city())).toList());
		candidates.addAll(table.gzones());
		return candidates;
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
