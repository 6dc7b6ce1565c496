package io.zonepay.gateway.routing;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.zonepay.gateway.identity.GatewayCaller;
import io.zonepay.gateway.problem.ProblemWriter;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.routing.RequestShard;
import io.zonepay.kernel.routing.RequestShards;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
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
 * {@code RouteByShard=account}: sends a request to the named service of the RZone that
 * serves its shard, the shard being that of the id in the path, of the caller for
 * collection calls, or the one chosen for a new user.
 */
@Component
class RouteByShardGatewayFilterFactory extends AbstractGatewayFilterFactory<RouteByShardGatewayFilterFactory.Config> {

	private final RoutingTables tables;

	private final ZoneTargets targets;

	private final NewUserShards newUsers;

	private final ProblemWriter problems;

	RouteByShardGatewayFilterFactory(RoutingTables tables, ZoneTargets targets, NewUserShards newUsers,
			ProblemWriter problems) {
		super(Config.class);
		this.tables = tables;
		this.targets = targets;
		this.newUsers = newUsers;
		this.problems = problems;
	}

	@Override
	public List<String> shortcutFieldOrder() {
		return List.of("service");
	}

	@Override
	public GatewayFilter apply(Config config) {
		// Runs after the route's URI was copied into the request URL, and replaces it
		// with the zone's endpoint.
		return new OrderedGatewayFilter((exchange, chain) -> route(exchange, chain, config.getService()),
				RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 1);
	}

	private Mono<Void> route(ServerWebExchange exchange, GatewayFilterChain chain, String service) {
		String method = exchange.getRequest().getMethod().name();
		String path = exchange.getRequest().getURI().getRawPath();
		return switch (RequestShards.of(method, path)) {
			case RequestShard.OfId id -> forward(exchange, chain, service, id.shard());
			case RequestShard.OfCaller ignored -> {
				Caller caller = GatewayCaller.of(exchange);
				yield caller == null || caller.user() == null
						? problems.write(exchange, CommonProblem.UNAUTHENTICATED,
								"this call acts on the caller's own data")
						: forward(exchange, chain, service, caller.user().shard());
			}
			case RequestShard.ChosenForNewUser ignored -> newUsers.shardOf(exchange)
				.flatMap(chosen -> forward(chosen.exchange(), chain, service, chosen.shard()));
			case RequestShard.MalformedId malformed -> problems.write(exchange, CommonProblem.VALIDATION_FAILED,
					"'" + abbreviate(malformed.segment()) + "' is not an id: ids are positive 64-bit decimal numbers");
			case RequestShard.Unsharded ignored ->
				problems.write(exchange, CommonProblem.NOT_FOUND, "no such resource");
		};
	}

	private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, String service, Shard shard) {
		RoutingTable table = tables.current();
		if (table == null) {
			return targets.unavailable(exchange, "the gateway has not loaded a routing table yet");
		}
		return targets.forward(exchange, chain, table, table.ownerZoneOf(shard), service, shard);
	}

	private static String abbreviate(String segment) {
		return segment.length() <= 40 ? segment : segment.substring(0, 40) + "...";
	}

	/** Which service of the zone handles the route. */
	public static class Config {

		private String service = "";

		public String getService() {
			return service;
		}

		public void setService(String service) {
			this.service = service;
		}

	}

	/** Picks a shard for a new user who did not ask for one. */
	static Shard randomShard() {
		return Shard.of(ThreadLocalRandom.current().nextInt(Shard.COUNT));
	}

}
