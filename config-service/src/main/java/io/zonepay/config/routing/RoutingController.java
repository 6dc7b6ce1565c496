package io.zonepay.config.routing;

import io.zonepay.config.global.Entity;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.GlobalReads;
import io.zonepay.config.global.Operators;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The routing table: {@code GET /admin/routing} for operators at the GZone,
 * {@code GET /api/global/routing} in any city from its copy when it is fresh enough.
 */
@RestController
class RoutingController {

	private final GlobalReads reads;

	private final EntityStore entities;

	RoutingController(GlobalReads reads, EntityStore entities) {
		this.reads = reads;
		this.entities = entities;
	}

	@GetMapping("/admin/routing")
	ResponseEntity<JsonNode> admin(Caller caller) {
		Operators.requireAdminOrSystem(caller);
		return routing(0);
	}

	@GetMapping("/api/global/routing")
	ResponseEntity<JsonNode> routing(@RequestParam(name = "min-version", defaultValue = "0") long minVersion) {
		return reads.read(minVersion,
				() -> entities.find(GlobalKind.ROUTING, GlobalKind.ROUTING_TABLE).map(Entity::withVersion),
				"/api/global/routing" + (minVersion > 0 ? "?min-version=" + minVersion : ""),
				() -> new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
						"the routing table has not been stored yet"));
	}

}
