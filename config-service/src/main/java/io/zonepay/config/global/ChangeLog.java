package io.zonepay.config.global;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The GZone's change log. Every write to global data goes through {@link #record}, inside
 * the writer's transaction: it takes the next gap-free version, logs the change under the
 * writer's term and updates the entity readers see, all committed together with the typed
 * tables the writer changed. A standby fills the same log from Kafka with {@link #copy},
 * so that on promotion it goes on from the last version it holds.
 */
@Repository
public class ChangeLog {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Writer writer;

	private final ReplicationProperties properties;

	ChangeLog(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Writer writer,
			ReplicationProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.writer = writer;
		this.properties = properties;
	}

	/** Logs a change of one entity and answers it with its version. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Change record(GlobalKind kind, String key, Object document) {
		writer.requireActive();
		JsonNode tree = json.valueToTree(document);
		String text = json.writeValueAsString(tree);
		// One statement: take the next version (the row stays locked until this
		// transaction ends, so the next writer waits
		// and versions commit in order), log the change and update what readers see.
		// Fewer round trips under the lock mean
		// more writes per second.
		Change change = jdbc.sql("""
				with next as (
				    update global_version set version = version + 1, committed_at = clock_timestamp()
				    returning version, committed_at, term
				), logged as (
				    insert into change_log (version, kind, entity_key, document, committed_at, term)
				    select version, ?, ?, cast(? as jsonb), committed_at, term from next
				), visible as (
				    insert into global_entities (kind, entity_key, document, version)
				    select ?, ?, cast(? as jsonb), version from next
				    on conflict (kind, entity_key) do update set document = excluded.document,
				        version = excluded.version
				)
				select version, committed_at, term from next
				""")
			.params(kind.name(), key, text, kind.name(), key, text)
			.query((rs, row) -> new Change(new Entity(kind, key, rs.getLong(1), tree), rs.getTimestamp(2).toInstant(),
					rs.getLong(3)))
			.single();
		events.publishEvent(new GlobalDataChanged(change.version(), Set.of(kind)));
		acknowledgeOnceOnTheLog(change.version());
		return change;
	}

	/**
	 * A write someone waits on (a request) answers only once its change is on the log: a
	 * write acknowledged by a GZone that a newer writer has since fenced would be a lie.
	 * Background writes (the bootstrap, the supervisor's failovers) do not wait; the
	 * relay publishes them all the same.
	 */
	private void acknowledgeOnceOnTheLog(long version) {
		if (RequestContextHolder.getRequestAttributes() == null
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				writer.awaitPublished(version, properties.acknowledgeWithin());
			}
		});
	}

	/**
	 * A standby's copy of a change the writer logged: the same version, time and term, in
	 * the log, the entities and the version row, so that a promoted standby continues the
	 * log without a gap.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void copy(Change change) {
		String text = json.writeValueAsString(change.entity().document());
		Timestamp at = Timestamp.from(change.committedAt());
		jdbc.sql("""
				insert into change_log (version, kind, entity_key, document, committed_at, term)
				values (?, ?, ?, cast(? as jsonb), ?, ?)
				on conflict (version) do nothing
				""")
			.params(change.version(), change.entity().kind().name(), change.entity().key(), text, at, change.term())
			.update();
		jdbc.sql("update global_version set version = greatest(version, ?), committed_at = ?, term = greatest(term, ?)")
			.params(change.version(), at, change.term())
			.update();
	}

	/**
	 * A standby's copy starts over at a snapshot's version and term: the log below it
	 * stays with the writer.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void restartAt(long version, Instant at, long term) {
		jdbc.sql("delete from change_log").update();
		jdbc.sql("update global_version set version = ?, committed_at = ?, term = ?")
			.params(version, Timestamp.from(at), term)
			.update();
	}

	/** The term this GZone's log was last written under. */
	public long term() {
		return jdbc.sql("select term from global_version").query(Long.class).single();
	}

	/** A promoted standby writes under a new term from now on. */
	@Transactional
	public void beginTerm(long term) {
		int updated = jdbc.sql("update global_version set term = ? where term < ?").params(term, term).update();
		if (updated != 1) {
			throw new IllegalStateException("term " + term + " is not newer than this log's");
		}
	}

	/** The newest committed version and when it committed. */
	public Watermark current() {
		return jdbc.sql("select version, committed_at from global_version")
			.query((rs, row) -> new Watermark(rs.getLong(1), rs.getTimestamp(2).toInstant()))
			.single();
	}

	/** Committed changes after a version, oldest first, at most {@code limit} of them. */
	public List<Change> after(long version, int limit) {
		return jdbc
			.sql("select version, kind, entity_key, document, committed_at, term from change_log where version > ? "
					+ "order by version limit ?")
			.params(version, limit)
			.query((rs, row) -> new Change(
					new Entity(GlobalKind.valueOf(rs.getString("kind")), rs.getString("entity_key"),
							rs.getLong("version"), json.readTree(rs.getString("document"))),
					rs.getTimestamp("committed_at").toInstant(), rs.getLong("term")))
			.list();
	}

}
