package io.zonepay.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.zonepay.kernel.zone.Topology;

/**
 * The shadow schemas of the local platform's RZone databases, where load tests write.
 * Emptying them keeps the schema (its tables, the migration histories, the view of the
 * real shard leases) and removes every row.
 */
final class ShadowTables {

	private final Map<String, String> databases = new LinkedHashMap<>();

	private final Properties connection = new Properties();

	ShadowTables(Topology topology, LocalInfrastructure infrastructure) {
		for (Topology.ZoneSpec rzone : topology.rzones()) {
			for (String service : ServiceArguments.rzoneServices()) {
				String database = ServiceArguments.database(rzone, service);
				databases.put(database, infrastructure.jdbcUrl(database));
			}
		}
		connection.setProperty("user", infrastructure.postgresUser());
		connection.setProperty("password", "");
		connection.setProperty("connectTimeout", "5");
		connection.setProperty("socketTimeout", "60");
		connection.setProperty("ApplicationName", "zonepay-shadow-clean");
	}

	/** Empties every shadow table; answers how many rows each database had in them. */
	Map<String, Long> clean() throws SQLException {
		Map<String, Long> removed = new LinkedHashMap<>();
		for (Map.Entry<String, String> database : databases.entrySet()) {
			try (Connection db = DriverManager.getConnection(database.getValue(), connection);
					Statement statement = db.createStatement()) {
				List<String> tables = tables(statement);
				long rows = 0;
				for (String table : tables) {
					try (ResultSet count = statement.executeQuery("select count(*) from shadow.\"" + table + "\"")) {
						count.next();
						rows += count.getLong(1);
					}
				}
				if (!tables.isEmpty()) {
					statement.execute("truncate table "
							+ String.join(", ", tables.stream().map(table -> "shadow.\"" + table + "\"").toList())
							+ " restart identity");
				}
				removed.put(database.getKey(), rows);
			}
		}
		return removed;
	}

	/**
	 * The shadow schema's tables, without Flyway's histories (and without the view of the
	 * real shard leases, which is not a table).
	 */
	private static List<String> tables(Statement statement) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (ResultSet result = statement.executeQuery("select tablename from pg_tables where schemaname = 'shadow'"
				+ " and tablename not like '%history' order by tablename")) {
			while (result.next()) {
				tables.add(result.getString(1));
			}
		}
		return tables;
	}

}
