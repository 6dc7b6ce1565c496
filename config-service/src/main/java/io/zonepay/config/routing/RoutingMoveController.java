package io.zonepay.config.routing;

import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zonepay.config.global.Operators;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.kernel.zone.ZoneId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/routing/moves}: an operator gives shards to a live RZone, as in a
 * planned drain or to give a zone back its shards after a failover, or (with
 * {@code toGroup}) a live split's cut-over places them in another shard group at the same
 * epoch. The GZone only publishes the new table; the zones fence and hand the shards
 * over. {@code POST /admin/routing/zones}: an RZone joins the deployment, serving no
 * shards yet; {@code DELETE /admin/routing/zones/{zoneId}}: one that serves none leaves.
 */
@RestController
@Profile("!czone")
class RoutingMoveController {

	private final RoutingChanges routing;

	private final JsonMapper json;

	RoutingMoveController(RoutingChanges routing, JsonMapper json) {
		this.routing = routing;
		this.json = json;
	}

	@PostMapping("/admin/routing/moves")
	ObjectNode move(@RequestBody MoveRequest request, Caller caller) {
		Operators.requireAdmin(caller);
		List<Shard> shards = request.shardList();
		ZoneId to = request.target();
		ShardGroupId group = request.group();
		StoredRouting stored = routing.change(plan -> {
			plan.requireUpRzone(to);
			plan.move(shards, to);
			if (group != null) {
				plan.regroup(shards, group);
			}
		});
		return stored.toDocument(json);
	}

	@PostMapping("/admin/routing/zones")
	ObjectNode join(@RequestBody JoinRequest request, Caller caller) {
		Operators.requireAdmin(caller);
		Zone zone = request.zone();
		return routing.change(plan -> plan.add(zone)).toDocument(json);
	}

	@DeleteMapping("/admin/routing/zones/{zoneId}")
	ObjectNode leave(@PathVariable String zoneId, Caller caller) {
		Operators.requireAdmin(caller);
		ZoneId zone;
		try {
			zone = ZoneId.of(zoneId);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex.getMessage());
		}
		return routing.change(plan -> plan.remove(zone)).toDocument(json);
	}

	/**
	 * Which shards go where: {@code {"shards": [0, 1, 2], "toZone": "rz2", "toGroup"?:
	 * "sg5"}}.
	 */
	record MoveRequest(@Nullable List<@Nullable Integer> shards, @Nullable String toZone, @Nullable String toGroup) {

		@Nullable ShardGroupId group() {
			if (toGroup == null) {
				return null;
			}
			try {
				return ShardGroupId.of(toGroup);
			}
			catch (IllegalArgumentException ex) {
				throw invalid("toGroup: " + ex.getMessage());
			}
		}

		List<Shard> shardList() {
			if (shards == null || shards.isEmpty()) {
				throw invalid("send the shards to move: {\"shards\": [0, 1, 2], \"toZone\": \"rz2\"}");
			}
			if (shards.size() > Shard.COUNT) {
				throw invalid("there are only " + Shard.COUNT + " shards");
			}
			Set<Integer> seen = new HashSet<>();
			for (Integer shard : shards) {
				if (shard == null || shard < 0 || shard >= Shard.COUNT) {
					throw invalid("a shard is 0..99, not " + shard);
				}
				if (!seen.add(shard)) {
					throw invalid("shard " + Shard.of(shard) + " is named twice");
				}
			}
			return shards.stream().map(Shard::of).sorted().toList();
		}

		ZoneId target() {
			if (toZone == null || toZone.isBlank()) {
				throw invalid("send the RZone to move the shards to as toZone");
			}
			try {
				return ZoneId.of(toZone);
			}
			catch (IllegalArgumentException ex) {
				throw invalid("toZone: " + ex.getMessage());
			}
		}

	}

	/**
	 * An RZone that joins: {@code {"zoneId": "rz5", "city": "sh", "endpoints":
	 * {"account": "http://..."}}}.
	 */
	record JoinRequest(@Nullable String zoneId, @Nullable String city, @Nullable Map<String, URI> endpoints) {

		Zone zone() {
			if (zoneId == null || city == null || endpoints == null
					|| !endpoints.keySet().containsAll(List.of("account", "order", "payment"))) {
				throw invalid("send {\"zoneId\": \"rz5\", \"city\": \"sh\", \"endpoints\": {\"account\": ...,"
						+ " \"order\": ..., \"payment\": ...}}");
			}
			try {
				return new Zone(ZoneId.of(zoneId), ZoneKind.RZONE, CityId.of(city), ZoneStatus.UP, endpoints);
			}
			catch (IllegalArgumentException ex) {
				throw invalid(ex.getMessage());
			}
		}
	}

	private static ProblemException invalid(String detail) {
		return new ProblemException(CommonProblem.VALIDATION_FAILED, detail);
	}

}
