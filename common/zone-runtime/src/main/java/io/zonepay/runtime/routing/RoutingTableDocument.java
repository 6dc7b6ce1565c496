package io.zonepay.runtime.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;

/**
 * The JSON form of a routing table, as {@code GET /admin/routing} serves it and every
 * reader parses it: {@code {"epoch", "shards": {"00": "rz1", ...}, "zones": [{"zoneId",
 * "kind", "city", "status", "endpoints"}]}}.
 */
public record RoutingTableDocument(long epoch, Map<String, String> shards, List<ZoneDocument> zones) {

	public static RoutingTableDocument of(RoutingTable table) {
		Map<String, String> shards = new LinkedHashMap<>();
		table.assignments().forEach((shard, zone) -> shards.put(shard, zone.value()));
		List<ZoneDocument> zones = table.zones()
			.stream()
			.sorted(Comparator.comparing(zone -> zone.id().value()))
			.map(ZoneDocument::of)
			.toList();
		return new RoutingTableDocument(table.epoch(), shards, zones);
	}

	public RoutingTable toRoutingTable() {
		List<ZoneId> owners = new ArrayList<>(Shard.COUNT);
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			String owner = shards.get(Shard.of(shard).toString());
			if (owner == null) {
				throw new IllegalArgumentException("the routing table leaves shard " + Shard.of(shard) + " unassigned");
			}
			owners.add(ZoneId.of(owner));
		}
		return RoutingTable.of(epoch, owners, zones.stream().map(ZoneDocument::toZone).toList());
	}

	/** One zone of the table. */
	public record ZoneDocument(String zoneId, ZoneKind kind, String city, ZoneStatus status,
			Map<String, URI> endpoints) {

		static ZoneDocument of(Zone zone) {
			return new ZoneDocument(zone.id().value(), zone.kind(), zone.city().value(), zone.status(),
					new TreeMap<>(zone.endpoints()));
		}

		Zone toZone() {
			return new Zone(ZoneId.of(zoneId), kind, CityId.of(city), status, endpoints == null ? Map.of() : endpoints);
		}
	}
}
