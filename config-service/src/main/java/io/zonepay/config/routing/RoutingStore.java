package io.zonepay.config.routing;

import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.runtime.routing.RoutingTableDocument;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing table as GZone data: the zone registry, every shard's serving zone and the epoch in typed tables,
 * each new table logged as one change that readers receive whole.
 */
@Repository
public class RoutingStore {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	private final JsonMapper json;

	RoutingStore(JdbcClient jdbc, ChangeLog changes, JsonMapper json) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.json = json;
	}

	/** Stores a new table, which must be a newer epoch than the stored one; answers the version of the change. */
	@Transactional
	public long replace(RoutingTable table) {
		long stored = jdbc.sql("select coalesce(max(epoch), 0) from routing_epoch").query(Long.class).single();
		if (table.epoch() <= stored) {
			throw new IllegalStateException("routing epochs only grow: " + table.epoch() + " after " + stored);
		}
		long version = changes.record(GlobalKind.ROUTING, GlobalKind.ROUTING_TABLE, RoutingTableDocument.of(table)).version();
		jdbc.sql("delete from shard_assignments").update();
		for (Zone zone : table.zones()) {
			jdbc.sql("""
					insert into zones (id, kind, city, status, endpoints) values (?, ?, ?, ?, cast(? as jsonb))
					on conflict (id) do update set kind = excluded.kind, city = excluded.city, status = excluded.status, endpoints = excluded.endpoints
					""").params(zone.id().value(), zone.kind().name(), zone.city().value(), zone.status().name(), json.writeValueAsString(zone.endpoints()))
				.update();
		}
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			jdbc.sql("insert into shard_assignments (shard, zone_id) values (?, ?)").params(shard, table.ownerOf(Shard.of(shard)).value()).update();
		}
		jdbc.sql("""
				insert into routing_epoch (id, epoch, version) values (1, ?, ?)
				on conflict (id) do update set epoch = excluded.epoch, version = excluded.version
				""").params(table.epoch(), version).update();
		return version;
	}
}
