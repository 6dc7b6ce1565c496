package io.zonepay.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;

/** Routing tables for tests that do not run a GZone. */
public final class TestRouting {

	private TestRouting() {
	}

	/**
	 * Shards split into equal consecutive runs over the given RZones, all in city
	 * {@code hz}, at the given epoch.
	 */
	public static RoutingTable evenly(long epoch, String... rzones) {
		List<ZoneId> owners = new ArrayList<>(Shard.COUNT);
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(ZoneId.of(rzones[shard * rzones.length / Shard.COUNT]));
		}
		List<Zone> zones = new ArrayList<>();
		for (String zone : rzones) {
			zones.add(new Zone(ZoneId.of(zone), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP,
					Map.of("account", URI.create("http://" + zone + ".invalid"))));
		}
		return RoutingTable.of(epoch, owners, zones);
	}

}
