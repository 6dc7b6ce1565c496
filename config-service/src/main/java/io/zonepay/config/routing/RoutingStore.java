package io.zonepay.config.routing;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The routing table in the GZone database: the zone registry, every shard's serving zone, and the epoch. */
@Repository
class RoutingStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RoutingStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional(readOnly = true)
	Optional<RoutingTable> current() {
		Optional<Long> epoch = jdbc.sql("select epoch from routing_epoch").query(Long.class).optional();
		if (epoch.isEmpty()) {
			return Optional.empty();
		}
		List<Zone> zones = jdbc.sql("select id, kind, city, status, endpoints from zones order by id")
			.query((rs, row) -> new Zone(ZoneId.of(rs.getString("id")), ZoneKind.valueOf(rs.getString("kind")), CityId.of(rs.getString("city")),
					ZoneStatus.valueOf(rs.getString("status")), endpoints(rs.getString("endpoints"))))
			.list();
		ZoneId[] owners = new ZoneId[Shard.COUNT];
		jdbc.sql("select shard, zone_id from shard_assignments")
			.query((rs, row) -> owners[rs.getInt("shard")] = ZoneId.of(rs.getString("zone_id")))
			.list();
		return Optional.of(RoutingTable.of(epoch.get(), Arrays.asList(owners), zones));
	}

	/** Stores the first table, unless one is there already (a restart, or another instance won the race). */
	@Transactional
	boolean initialize(RoutingTable table) {
		int inserted = jdbc.sql("insert into routing_epoch (id, epoch) values (1, ?) on conflict (id) do nothing").param(table.epoch()).update();
		if (inserted == 0) {
			return false;
		}
		for (Zone zone : table.zones()) {
			jdbc.sql("insert into zones (id, kind, city, status, endpoints) values (?, ?, ?, ?, cast(? as jsonb))")
				.params(zone.id().value(), zone.kind().name(), zone.city().value(), zone.status().name(), json.writeValueAsString(zone.endpoints()))
				.update();
		}
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			jdbc.sql("insert into shard_assignments (shard, zone_id) values (?, ?)").params(shard, table.ownerOf(Shard.of(shard)).value()).update();
		}
		return true;
	}

	private Map<String, URI> endpoints(String document) {
		Map<String, String> raw = json.readValue(document, new TypeReference<Map<String, String>>() {
		});
		return raw.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> URI.create(entry.getValue())));
	}
}
