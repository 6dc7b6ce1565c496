package io.zonepay.platform.split;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * A PostgreSQL with logical decoding for the split's tests, and account-service's
 * databases on it, migrated as the service migrates them.
 */
final class SplitDatabases implements AutoCloseable {

	static final Properties CREDENTIALS = credentials();

	private final EmbeddedPostgres postgres;

	private SplitDatabases(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static SplitDatabases start() throws IOException {
		return new SplitDatabases(EmbeddedPostgres.builder().setServerConfig("wal_level", "logical").start());
	}

	/**
	 * A new database with account-service's schema, its Idempotency-Keys and leases, and
	 * an inbox (as the services that consume events have).
	 */
	String accountDatabase(String name) throws SQLException {
		try (Connection db = postgres.getPostgresDatabase().getConnection(); Statement sql = db.createStatement()) {
			sql.execute("create database " + name);
		}
		String url = postgres.getJdbcUrl("postgres", name).replaceAll("\\?.*", "");
		migrate(url, "classpath:db/migration/account", "flyway_schema_history");
		migrate(url, "classpath:db/zonepay-idempotency", "zonepay_idempotency_history");
		migrate(url, "classpath:db/zonepay-shard-leases", "zonepay_shard_leases_history");
		migrate(url, "classpath:db/zonepay-inbox", "zonepay_inbox_history");
		return url;
	}

	/** The first column of every row a query answers, as text. */
	static List<String> column(String database, String query) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection db = DriverManager.getConnection(database, CREDENTIALS);
				Statement sql = db.createStatement();
				ResultSet result = sql.executeQuery(query)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}

	private static void migrate(String url, String location, String table) {
		Flyway.configure()
			.dataSource(url, "postgres", "")
			.locations(location)
			.table(table)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
	}

	private static Properties credentials() {
		Properties credentials = new Properties();
		credentials.setProperty("user", "postgres");
		credentials.setProperty("password", "");
		return credentials;
	}

}
