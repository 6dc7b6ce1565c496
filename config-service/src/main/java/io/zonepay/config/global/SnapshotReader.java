package io.zonepay.config.global;

import java.util.List;

import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads all global data at one version: one repeatable-read transaction sees the version
 * row and every entity as of its start.
 */
@Component
@Profile("!czone")
class SnapshotReader {

	private final JdbcClient jdbc;

	private final EntityStore entities;

	SnapshotReader(JdbcClient jdbc, EntityStore entities) {
		this.jdbc = jdbc;
		this.entities = entities;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	Snapshot read() {
		// now() is the transaction's start: the snapshot is complete as of then.
		Snapshot head = jdbc.sql("select version, now(), term from global_version")
			.query((rs, row) -> new Snapshot(rs.getLong(1), rs.getTimestamp(2).toInstant(), List.of(), rs.getLong(3)))
			.single();
		return new Snapshot(head.version(), head.sourceTime(), entities.everything(), head.term());
	}

}
