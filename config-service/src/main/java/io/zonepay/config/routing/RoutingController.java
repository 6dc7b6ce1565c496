package io.zonepay.config.routing;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.runtime.routing.RoutingTableDocument;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.kernel.zone.RoutingTable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/routing}: the current routing table, for operators and for every process that routes. */
@RestController
class RoutingController {

	private final RoutingTables tables;

	RoutingController(RoutingTables tables) {
		this.tables = tables;
	}

	@GetMapping("/admin/routing")
	RoutingTableDocument routing(Caller caller) {
		if (!caller.has(Role.ADMIN) && !caller.has(Role.SYSTEM)) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "reading the routing table needs the admin role");
		}
		RoutingTable table = tables.current();
		if (table == null) {
			throw new ProblemException(CommonProblem.ZONE_UNAVAILABLE, "the GZone has not loaded its routing table yet");
		}
		return RoutingTableDocument.of(table);
	}
}
