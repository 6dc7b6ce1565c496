package io.zonepay.config.routing;

import java.util.List;
import java.util.Map;

import io.zonepay.config.ConfigProblem;
import io.zonepay.runtime.routing.RoutingTableDocument.ZoneDocument;
import io.zonepay.service.openapi.ApiOperations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import static io.zonepay.config.global.GlobalReadHeaders.globalRead;
import static io.zonepay.config.global.GlobalReadHeaders.globalWrite;

/**
 * What the routing calls answer, for the OpenAPI document: the routing table, read or
 * changed.
 */
@Configuration(proxyBeanMethods = false)
public class RoutingApi {

	private static final String READ = "GET /api/global/routing";

	private static final String MOVE = "POST /admin/routing/moves";

	private static final String JOIN = "POST /admin/routing/zones";

	private static final String LEAVE = "DELETE /admin/routing/zones/{zoneId}";

	@Bean
	ApiOperations routingReads() {
		return globalRead(ApiOperations.builder(), READ).answers(READ, 200, RoutingTableView.class)
			.answers("GET /admin/routing", 200, RoutingTableView.class)
			.build();
	}

	@Bean
	@Profile("!czone")
	ApiOperations routingMoves() {
		ApiOperations.Builder operations = globalWrite(ApiOperations.builder(), MOVE);
		operations = globalWrite(operations, JOIN);
		return globalWrite(operations, LEAVE).answers(MOVE, 200, RoutingTableView.class)
			.problems(MOVE, ConfigProblem.INVALID_MOVE)
			.answers(JOIN, 200, RoutingTableView.class)
			.problems(JOIN, ConfigProblem.INVALID_MOVE)
			.answers(LEAVE, 200, RoutingTableView.class)
			.problems(LEAVE, ConfigProblem.INVALID_MOVE, ConfigProblem.ZONE_NOT_FOUND)
			.build();
	}

	/**
	 * The routing table as {@link StoredRouting#toDocument} writes it.
	 *
	 * @param epoch the table's epoch; every change makes a newer one
	 * @param shards each shard, two digits ({@code "00"} to {@code "99"}), and the RZone
	 * that serves it
	 * @param groups each shard and the shard group that holds it: the catalog, which a
	 * live split changes (absent from tables stored before the catalog was global data)
	 * @param zones every zone, by id
	 * @param version the version of global data that holds this table
	 */
	public record RoutingTableView(long epoch, Map<String, String> shards, Map<String, String> groups,
			List<ZoneDocument> zones, long version) {
	}

}
