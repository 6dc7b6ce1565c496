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
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.jspecify.annotations.Nullable;

/**
 * The JSON form of a routing table, as {@code GET /admin/routing} serves it and every
 * reader parses it: {@code {"epoch", "shards": {"00": "rz1", ...}, "groups": {"00":
 * "sg1", ...}, "zones": [{"zoneId", "kind", "city", "status", "endpoints"}]}}.
 * {@code groups}, the shard-group catalog, is absent from tables stored before it was
 * GZone data.
 */
public record RoutingTableDocument(long epoch, Map<String, String> shards, @Nullable Map<String, String> groups,
		List<ZoneDocument> zones) {

	public static RoutingTableDocument of(RoutingTable table) {
		Map<String, String> shards = new LinkedHashMap<>();
		table.assignments().forEach((shard, zone) -> shards.put(shard, zone.value()));
		List<ZoneDocument> zones = table.zones()
			.stream()
			.sorted(Comparator.comparing(zone -> zone.id().value()))
			.map(ZoneDocument::of)
			.toList();
		Map<String, String> groups = new LinkedHashMap<>();
		table.groupAssignments().forEach((shard, group) -> groups.put(shard, group.value()));
		return new RoutingTableDocument(table.epoch(), shards, groups.isEmpty() ? null : groups, zones);
	}

	public RoutingTable toRoutingTable() {
		List<ZoneId> owners = new ArrayList<>(Shard.COUNT);
		List<ShardGroupId> holders = groups == null ? null : new ArrayList<>(Shard.COUNT);
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			String owner = shards.get(Shard.of(shard).toString());
			if (owner == null) {
				throw new IllegalArgumentException("the routing table leaves shard " + Shard.of(shard) + " unassigned");
			}
			owners.add(ZoneId.of(owner));
			if (holders != null) {
				String group = groups.get(Shard.of(shard).toString());
				if (group == null) {
					throw new IllegalArgumentException(
							"the routing table names no shard group for shard " + Shard.of(shard));
				}
				holders.add(ShardGroupId.of(group));
			}
		}
		return RoutingTable.of(epoch, owners, holders, zones.stream().map(ZoneDocument::toZone).toList());
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
