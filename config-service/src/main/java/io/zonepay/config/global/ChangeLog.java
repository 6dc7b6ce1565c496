package io.zonepay.config.global;

import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
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

	private final ApplicationEventPublisher events;

	ChangeLog(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	/** Logs a change of one entity and answers it with its version. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Change record(GlobalKind kind, String key, Object document) {
		JsonNode tree = json.valueToTree(document);
		String text = json.writeValueAsString(tree);
		// One statement: take the next version (the row stays locked until this transaction ends, so the next writer waits
		// and versions commit in order), log the change and update what readers see. Fewer round trips under the lock mean
		// more writes per second.
		Watermark next = jdbc.sql("""
				with next as (
				    update global_version set version = version + 1, committed_at = clock_timestamp() returning version, committed_at
				), logged as (
				    insert into change_log (version, kind, entity_key, document, committed_at)
				    select version, ?, ?, cast(? as jsonb), committed_at from next
				), visible as (
				    insert into global_entities (kind, entity_key, document, version)
				    select ?, ?, cast(? as jsonb), version from next
				    on conflict (kind, entity_key) do update set document = excluded.document, version = excluded.version
				)
				select version, committed_at from next
				""").params(kind.name(), key, text, kind.name(), key, text)
			.query((rs, row) -> new Watermark(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.single();
		events.publishEvent(new GlobalDataChanged(next.version(), Set.of(kind)));
		return new Change(new Entity(kind, key, next.version(), tree), next.sourceTime());
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
