package io.zonepay.config.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.zonepay.config.global.Operators;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ZoneId;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/routing/moves}: an operator gives shards to a live RZone, as in a
 * planned drain or to give a zone back its shards after a failover. The GZone only
 * publishes the new table; the zones fence and hand the shards over.
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
		StoredRouting stored = routing.change(plan -> {
			plan.requireUpRzone(to);
			plan.move(shards, to);
		});
		return stored.toDocument(json);
	}

	/** Which shards go where: {@code {"shards": [0, 1, 2], "toZone": "rz2"}}. */
	record MoveRequest(@Nullable List<@Nullable Integer> shards, @Nullable String toZone) {

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

		private static ProblemException invalid(String detail) {
			return new ProblemException(CommonProblem.VALIDATION_FAILED, detail);
		}
	}

}
