package io.zonepay.service.shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migrates the shadow schema of a database with exactly the migrations of its real one
 * (the service's and its module features'), then makes the shadow schema's shard leases a
 * read-only view of the real ones ({@code db/zonepay-shadow}): shadow writes are fenced
 * by the same leases as real writes, so fencing and failover hold for them alike.
 * <p>
 * Flyway works on connections of their own, opened on the shadow schema and closed after:
 * a migration sets the search path of the connection it runs on, and a pooled real
 * connection must never be handed back pointing at the shadow schema (nor a shadow one at
 * the real schema).
 */
public final class ShadowSchemas {

	private final ShadowProperties properties;

	public ShadowSchemas(ShadowProperties properties) {
		this.properties = properties;
	}

	/**
	 * Migrates the shadow schema of the database a real migration ran on.
	 * @param real the real migration's configuration (its data source is a pool on the
	 * database)
	 * @param migrations runs every migration (the service's, then its features') with a
	 * configuration it is given
	 */
	public void migrate(Configuration real, Consumer<Configuration> migrations) {
		HikariDataSource pool = pool(real.getDataSource());
		DataSource shadow = connectionsTo(pool, properties.schema());
		FluentConfiguration inShadow = Flyway.configure(real.getClassLoader())
			.configuration(real)
			.dataSource(shadow)
			.schemas(properties.schema())
			.defaultSchema(properties.schema())
			.createSchemas(true);
		migrations.accept(inShadow);
		Flyway.configure(real.getClassLoader())
			.configuration(inShadow)
			.locations("classpath:db/zonepay-shadow")
			.table("zonepay_shadow_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.placeholders(Map.of("realSchema", realSchema(pool)))
			.load()
			.migrate();
	}

	private static HikariDataSource pool(DataSource dataSource) {
		try {
			return dataSource.unwrap(HikariDataSource.class);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("shadow schemas need the service's data source to be a Hikari pool", ex);
		}
	}

	private static DataSource connectionsTo(HikariDataSource pool, String schema) {
		DriverManagerDataSource connections = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(),
				pool.getPassword());
		Properties settings = new Properties();
		settings.setProperty("currentSchema", schema);
		settings.setProperty("ApplicationName", "zonepay-shadow-migration");
		connections.setConnectionProperties(settings);
		return connections;
	}

	/** The schema real work uses: where the real shard leases are. */
	private static String realSchema(HikariDataSource pool) {
		try (Connection connection = new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(),
				pool.getPassword())
			.getConnection()) {
			String schema = connection.getSchema();
			if (schema == null) {
				throw new IllegalStateException("the real schema of " + pool.getJdbcUrl() + " is not known");
			}
			return schema;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the real schema of " + pool.getJdbcUrl(), ex);
		}
	}

}
