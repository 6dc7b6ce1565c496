package io.zonepay.config.replica;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import io.zonepay.config.global.Change;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.EntityStore;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.Snapshot;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The CZone's copy: entities and the position they are at, always written together. */
@Repository
class ReplicaStore implements CopyStore {

	private final JdbcClient jdbc;

	private final EntityStore entities;

	ReplicaStore(JdbcClient jdbc, EntityStore entities) {
		this.jdbc = jdbc;
		this.entities = entities;
	}

	@Override
	public Optional<Position> load() {
		return jdbc.sql("select version, source_time, next_offset, term from replica_watermark")
			.query((rs, row) -> new Position(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getLong(3),
					rs.getLong(4)))
			.optional();
	}

	/**
	 * Replaces the whole copy with a snapshot, to be followed from {@code nextOffset}.
	 */
	@Override
	@Transactional
	public Position replaceAll(Snapshot snapshot, long nextOffset) {
		entities.deleteAll();
		entities.putAllIfNewer(snapshot.entities());
		jdbc.sql("delete from replica_watermark").update();
		Position position = new Position(snapshot.version(), snapshot.sourceTime(), nextOffset, snapshot.term());
		jdbc.sql("insert into replica_watermark (id, version, source_time, next_offset, applied_changes, term) "
				+ "values (1, ?, ?, ?, 0, ?)")
			.params(position.version(), Timestamp.from(position.sourceTime()), position.nextOffset(), position.term())
			.update();
		return position;
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void apply(List<Change> changes) {
		entities.putAllIfNewer(changes.stream().map(Change::entity).toList());
	}

	@Override
	@Transactional(propagation = Propagation.MANDATORY)
	public void save(Position position, int applied) {
		update(position, applied);
	}

	@Override
	public void advance(Position position) {
		update(position, 0);
	}

	private void update(Position position, int applied) {
		int updated = jdbc.sql("""
				update replica_watermark
				set version = ?, source_time = ?, next_offset = ?, applied_changes = applied_changes + ?, term = ?
				where id = 1
				""")
			.params(position.version(), Timestamp.from(position.sourceTime()), position.nextOffset(), applied,
					position.term())
			.update();
		if (updated != 1) {
			throw new IllegalStateException("the replica has no watermark row to advance");
		}
	}

	@Override
	public Optional<Entity> entity(GlobalKind kind) {
		return entities.all(kind).stream().findFirst();
	}

	/** Changes applied since the copy was last bootstrapped: each exactly once. */
	long appliedChanges() {
		return jdbc.sql("select coalesce(max(applied_changes), 0) from replica_watermark").query(Long.class).single();
	}

}
