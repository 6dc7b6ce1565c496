package io.zonepay.config.global;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GZone's change log. Every write to global data goes through {@link #record}, inside the writer's transaction:
 * it takes the next gap-free version, logs the change and updates the entity readers see, all committed together
 * with the typed tables the writer changed.
 */
@Repository
public class ChangeLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final EntityStore entities;

	ChangeLog(JdbcClient jdbc, JsonMapper json, EntityStore entities) {
		this.jdbc = jdbc;
		this.json = json;
		this.entities = entities;
	}

	/** Logs a change of one entity and answers it with its version. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Change record(GlobalKind kind, String key, Object document) {
		// Locks the version row until this transaction ends: the next writer waits, so versions commit in order.
		Watermark next = jdbc.sql("update global_version set version = version + 1, committed_at = clock_timestamp() returning version, committed_at")
			.query((rs, row) -> new Watermark(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.single();
		long version = next.version();
		Instant committedAt = next.sourceTime();
		JsonNode tree = json.valueToTree(document);
		jdbc.sql("insert into change_log (version, kind, entity_key, document, committed_at) values (?, ?, ?, cast(? as jsonb), ?)")
			.params(version, kind.name(), key, json.writeValueAsString(tree), Timestamp.from(committedAt))
			.update();
		Entity entity = new Entity(kind, key, version, tree);
		entities.putIfNewer(entity);
		return new Change(entity, committedAt);
	}

	/** The newest committed version and when it committed. */
	public Watermark current() {
		return jdbc.sql("select version, committed_at from global_version")
			.query((rs, row) -> new Watermark(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.single();
	}

	/** Committed changes after a version, oldest first, at most {@code limit} of them. */
	public List<Change> after(long version, int limit) {
		return jdbc.sql("select version, kind, entity_key, document, committed_at from change_log where version > ? order by version limit ?")
			.params(version, limit)
			.query((rs, row) -> new Change(new Entity(GlobalKind.valueOf(rs.getString("kind")), rs.getString("entity_key"), rs.getLong("version"),
					json.readTree(rs.getString("document"))), rs.getTimestamp("committed_at").toInstant()))
			.list();
	}
}
