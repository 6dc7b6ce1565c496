package io.zonepay.config.routing;

import java.util.Optional;

import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.TypedTable;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.runtime.routing.RoutingTableDocument;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The routing table as GZone data: the zone registry, every shard's serving zone and the
 * epoch in typed tables, each new table logged as one change that readers receive whole.
 */
@Repository
public class RoutingStore implements TypedTable {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	private final EntityStore entities;

	private final JsonMapper json;

	/**
	 * The newest table read, kept while no newer version is stored: the supervisor asks
	 * for it twice a second, and a table of a hundred shards is a document to parse.
	 */
	private volatile @Nullable StoredRouting newest;

	RoutingStore(JdbcClient jdbc, ChangeLog changes, EntityStore entities, JsonMapper json) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.entities = entities;
		this.json = json;
	}

	/**
	 * The newest stored table and the version of its change; none before the bootstrap
	 * stored the first.
	 */
	public Optional<StoredRouting> newest() {
		Optional<Long> version = entities.version(GlobalKind.ROUTING, GlobalKind.ROUTING_TABLE);
		if (version.isEmpty()) {
			return Optional.empty();
		}
		StoredRouting known = newest;
		if (known != null && known.version() == version.get()) {
			return Optional.of(known);
		}
		Optional<StoredRouting> read = entities.find(GlobalKind.ROUTING, GlobalKind.ROUTING_TABLE).map(this::stored);
		read.ifPresent(table -> newest = table);
		return read;
	}

	/**
	 * The newest stored table, locked until the caller's transaction ends: every routing
	 * change takes this lock first, so changes happen one at a time and each is built
	 * from the table the one before it stored.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public StoredRouting lockNewest() {
		long locked = lockEpoch();
		StoredRouting newest = newest()
			.orElseThrow(() -> new IllegalStateException("the routing table has not been stored yet"));
		if (newest.table().epoch() != locked) {
			throw new IllegalStateException(
					"the stored routing table is at epoch " + newest.table().epoch() + ", the epoch row at " + locked);
		}
		return newest;
	}

	/**
	 * Stores a new table, which must be a newer epoch than the stored one; answers the
	 * version of the change.
	 */
	@Transactional
	public long replace(RoutingTable table) {
		long stored = lockEpoch();
		if (table.epoch() <= stored) {
			throw new IllegalStateException("routing epochs only grow: " + table.epoch() + " after " + stored);
		}
		long version = changes.record(GlobalKind.ROUTING, GlobalKind.ROUTING_TABLE, RoutingTableDocument.of(table))
			.version();
		store(table, version);
		return version;
	}

	@Override
	public GlobalKind kind() {
		return GlobalKind.ROUTING;
	}

	@Override
	public void project(Entity change) {
		store(json.treeToValue(change.document(), RoutingTableDocument.class).toRoutingTable(), change.version());
	}

	private void store(RoutingTable table, long version) {
		jdbc.sql("delete from shard_assignments").update();
		for (Zone zone : table.zones()) {
			jdbc.sql("""
					insert into zones (id, kind, city, status, endpoints) values (?, ?, ?, ?, cast(? as jsonb))
					on conflict (id) do update set kind = excluded.kind, city = excluded.city,
					status = excluded.status, endpoints = excluded.endpoints
					""")
				.params(zone.id().value(), zone.kind().name(), zone.city().value(), zone.status().name(),
						json.writeValueAsString(zone.endpoints()))
				.update();
		}
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			jdbc.sql("insert into shard_assignments (shard, zone_id) values (?, ?)")
				.params(shard, table.ownerOf(Shard.of(shard)).value())
				.update();
		}
		jdbc.sql("""
				insert into routing_epoch (id, epoch, version) values (1, ?, ?)
				on conflict (id) do update set epoch = excluded.epoch, version = excluded.version
				""").params(table.epoch(), version).update();
	}

	private StoredRouting stored(Entity entity) {
		return new StoredRouting(json.treeToValue(entity.document(), RoutingTableDocument.class).toRoutingTable(),
				entity.version());
	}

	/**
	 * Locks the epoch row (none before the first table) and answers the stored epoch, 0
	 * before the first table.
	 */
	private long lockEpoch() {
		return jdbc.sql("select epoch from routing_epoch where id = 1 for update")
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

}
