package io.zonepay.config.supervision;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonepay.config.routing.RoutingPlan;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneStatus;

/**
 * Which RZone takes a failed zone's shards: its standby from the topology when that one
 * is up; else the up RZone of the same city with the fewest shards, because calls across
 * cities are slow; else the up RZone anywhere with the fewest.
 */
final class Standbys {

	private final Map<ZoneId, ZoneId> standbys = new HashMap<>();

	Standbys(Topology topology) {
		topology.rzones()
			.stream()
			.filter(zone -> zone.standby() != null)
			.forEach(zone -> standbys.put(zone.id(), zone.standby()));
	}

	/**
	 * The RZone to take the shards of a failed zone, as the plan stands; none when no
	 * other RZone is up.
	 */
	Optional<ZoneId> takerFor(RoutingPlan plan, Zone failed) {
		List<Zone> up = plan.rzones()
			.stream()
			.filter(zone -> zone.status() == ZoneStatus.UP && !zone.id().equals(failed.id()))
			.toList();
		ZoneId standby = standbys.get(failed.id());
		if (standby != null && up.stream().anyMatch(zone -> zone.id().equals(standby))) {
			return Optional.of(standby);
		}
		Comparator<Zone> fewestShards = Comparator.<Zone>comparingInt(zone -> plan.shardsOf(zone.id()).size())
			.thenComparing(zone -> zone.id().value());
		return up.stream()
			.filter(zone -> zone.city().equals(failed.city()))
			.min(fewestShards)
			.or(() -> up.stream().min(fewestShards))
			.map(Zone::id);
	}

}
