package io.zonepay.kernel.zone;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Topologies for tests: the default four-RZone layout. */
final class Topologies {

	private Topologies() {
	}

	static Topology fourZones() {
		return new Topology(
				List.of(new Topology.City(CityId.of("hz"), URI.create("http://localhost:8080")),
						new Topology.City(CityId.of("sh"), URI.create("http://localhost:8081"))),
				List.of(global("gz", "hz", ZoneKind.GZONE), global("cz-hz", "hz", ZoneKind.CZONE),
						global("cz-sh", "sh", ZoneKind.CZONE), rzone("rz1", "hz", "0-24", "sg1", "rz2"),
						rzone("rz2", "hz", "25-49", "sg2", "rz1"), rzone("rz3", "sh", "50-74", "sg3", "rz4"),
						rzone("rz4", "sh", "75-99", "sg4", "rz3")));
	}

	static Topology.ZoneSpec global(String id, String city, ZoneKind kind) {
		return new Topology.ZoneSpec(ZoneId.of(id), kind, CityId.of(city), null, null, null,
				Map.of("config", URI.create("http://" + id + ":8080")));
	}

	static Topology.ZoneSpec rzone(String id, String city, String shards, String group, String standby) {
		return new Topology.ZoneSpec(ZoneId.of(id), ZoneKind.RZONE, CityId.of(city), ShardSet.of(shards),
				ShardGroupId.of(group), ZoneId.of(standby),
				Map.of("account", URI.create("http://" + id + "-account:8080")));
	}

}
