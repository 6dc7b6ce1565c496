package io.zonepay.platform;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What must hold before a drill disturbs anything: the platform of the current run is up,
 * every process alive, every RZone UP at the GZone and serving shards, and the zones
 * whose shards the drill moves are RZones. Answers the routing table as it was, which the
 * drill restores.
 */
final class DrillPreflight {

	/** A one-shot process of {@code up} (it formats Kafka's storage), not a service. */
	private static final String ONE_SHOT = "kafka-format";

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	DrillPreflight(PlatformApi api, DrillOptions options, String adminToken) {
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
	}

	RoutingSnapshot check(RunDirectory run) throws InterruptedException {
		io.zonepay.kernel.zone.Topology topology = TopologyFile.read(run.settings().topologyFile());
		for (Map.Entry<String, Long> process : run.latest().entrySet()) {
			boolean alive = ProcessHandle.of(process.getValue()).map(ProcessHandle::isAlive).orElse(false);
			// A cell merged away stopped for good.
			boolean left = process.getKey().startsWith("rz")
					&& topology.zone(io.zonepay.kernel.zone.ZoneId.of(process.getKey())).isEmpty();
			if (!alive && !left && !process.getKey().equals(ONE_SHOT)) {
				throw new IllegalStateException(process.getKey()
						+ " is not running (./zonepay status); ./zonepay start " + process.getKey() + " first");
			}
		}
		// The topology's RZones: a cell merged away stays in the routing table, serving
		// nothing.
		List<String> cells = topology.rzones().stream().map(zone -> zone.id().value()).toList();
		List<ZoneState> rzones = api.zones(options.admin(), adminToken)
			.stream()
			.filter(ZoneState::rzone)
			.filter(zone -> cells.contains(zone.zoneId()))
			.toList();
		List<String> notUp = rzones.stream()
			.filter(zone -> !zone.up() || zone.shards().isEmpty())
			.map(zone -> zone.zoneId() + " (" + zone.status() + ", health " + zone.health() + ", "
					+ zone.shards().size() + " shards)")
			.toList();
		if (!notUp.isEmpty()) {
			throw new IllegalStateException("every RZone must be UP and serving shards before a drill; not so: " + notUp
					+ ". Start a zone that is down; give shards back with POST /admin/routing/moves");
		}
		if (options.kind().movesShards()) {
			requireRzone(rzones, options.zone());
		}
		// A split's target is the cell it adds.
		Optional.ofNullable(options.target())
			.filter(target -> options.kind() != DrillOptions.Kind.SPLIT)
			.ifPresent(target -> requireRzone(rzones, target));
		return api.routing(options.admin(), adminToken);
	}

	private static void requireRzone(List<ZoneState> rzones, String zone) {
		if (rzones.stream().noneMatch(state -> state.zoneId().equals(zone))) {
			throw new IllegalArgumentException(zone + " is not an RZone of this platform; its RZones are "
					+ rzones.stream().map(ZoneState::zoneId).toList());
		}
	}

}
