package io.zonepay.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import io.zonepay.testkit.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service runs here on one classpath that holds every module, as an RZone's
 * services do in one process of the local platform; still, each service's database has
 * the tables of the module features that service uses, and no others.
 */
class ModuleTablesIntegrationTests {

	static EndToEndTopology zonepay;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
	}

	@Test
	void eachDatabaseHoldsTheTablesOfTheFeaturesItsServiceUsesAndNoOthers() throws SQLException {
		for (String zone : zonepay.rzones()) {
			assertThat(featureTables(zonepay.database(zone, "account"))).as("%s account", zone)
				.containsExactlyInAnyOrder("shard_leases", "idempotency_keys");
			assertThat(featureTables(zonepay.database(zone, "order"))).as("%s order", zone)
				.containsExactlyInAnyOrder("shard_leases", "idempotency_keys", "inbox");
			assertThat(featureTables(zonepay.database(zone, "payment"))).as("%s payment", zone)
				.containsExactlyInAnyOrder("shard_leases", "idempotency_keys", "inbox", "outbox");
		}
		assertThat(featureTables(SharedPostgres.jdbcUrl("gz_config"))).as("the GZone's").isEmpty();
	}

	/**
	 * The tables of module features, and the history they all shared until each had its
	 * own.
	 */
	private static Set<String> featureTables(String url) throws SQLException {
		Set<String> tables = new HashSet<>();
		try (Connection connection = DriverManager.getConnection(url, SharedPostgres
			.user(), ""); ResultSet rows = connection.createStatement().executeQuery("""
					select table_name from information_schema.tables where table_schema = current_schema()
					and table_name in ('shard_leases', 'idempotency_keys', 'inbox', 'outbox', 'zonepay_support_history')
					""")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		return tables;
	}

}
