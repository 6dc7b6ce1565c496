package io.zonepay.config.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.zonepay.config.global.Operators;
import io.zonepay.config.routing.RoutingChanges;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;

import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/zones}: the operators' view of every zone, at the GZone. */
@RestController
@Profile("!czone")
class ZonesController {

	private final RoutingChanges routing;

	private final ZoneSupervisor supervisor;

	private final CzoneWatermarks watermarks;

	private final Clock clock = Clock.systemUTC();

	ZonesController(RoutingChanges routing, ZoneSupervisor supervisor, CzoneWatermarks watermarks) {
		this.routing = routing;
		this.supervisor = supervisor;
		this.watermarks = watermarks;
	}

	/**
	 * Every zone of the newest table with its routing status and its health: for an RZone
	 * as the supervisor last checked it, for a CZone from asking it for its staleness
	 * just now, for the GZone answering this.
	 */
	@GetMapping("/admin/zones")
	ZonesReport zones(Caller caller) {
		Operators.requireAdminOrSystem(caller);
		RoutingTable table = routing.newest()
			.orElseThrow(() -> new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
					"the routing table has not been stored yet"))
			.table();
		List<Zone> zones = table.zones().stream().sorted(Comparator.comparing(zone -> zone.id().value())).toList();
		Instant asked = clock.instant();
		Map<ZoneId, Long> staleness = watermarks
			.staleness(zones.stream().filter(zone -> zone.kind() == ZoneKind.CZONE).toList());
		return new ZonesReport(table.epoch(), zones.stream().map(zone -> switch (zone.kind()) {
			case RZONE -> ZoneReport.rzone(zone, supervisor.health(zone.id()), table.shardsOf(zone.id()));
			case CZONE -> ZoneReport.czone(zone, staleness.get(zone.id()), asked);
			case GZONE -> ZoneReport.gzone(zone);
		}).toList());
	}

}
