package io.zonepay.platform.split;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.zonepay.platform.split.SplitDatabases.CREDENTIALS;
import static io.zonepay.platform.split.SplitDatabases.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WarmConnectionsIntegrationTests {

	private static SplitDatabases postgres;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = SplitDatabases.start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Test
	void aClosedConnectionIsHandedBackWithItsOpenTransactionRolledBackAndClosedAtTheEnd() throws SQLException {
		String database = postgres.accountDatabase("warm");
		String backend;
		try (WarmConnections connections = new WarmConnections(CREDENTIALS)) {
			connections.warm(List.of(database), 2);
			try (Connection first = connections.connect(database)) {
				backend = single(first, "select pg_backend_pid()::text");
				first.setAutoCommit(false);
				single(first, "insert into inbox (consumer, event_id) values ('left', gen_random_uuid())"
						+ " returning consumer");
			}
			try (Connection again = connections.connect(database)) {
				assertThat(single(again, "select pg_backend_pid()::text")).as("the same backend, warm")
					.isEqualTo(backend);
				assertThat(again.getAutoCommit()).isTrue();
				assertThat(single(again, "select count(*)::text from inbox")).as("the open transaction's insert")
					.isEqualTo("0");
			}
		}
		// A backend leaves a moment after its client hung up.
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(column(database, "select count(*) from pg_stat_activity where pid = " + backend))
						.as("closed with the stock")
						.containsExactly("0"));
	}

	private static String single(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
