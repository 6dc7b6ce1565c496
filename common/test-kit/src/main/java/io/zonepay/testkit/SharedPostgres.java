package io.zonepay.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL 17 server per test JVM, started on first use and stopped when the
 * JVM exits. Every test context gets its own database on it, so tests share the start-up
 * cost but never each other's data.
 */
public final class SharedPostgres {

	private static final String USER = "postgres";

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static volatile EmbeddedPostgres server;

	private SharedPostgres() {
	}

	/** Creates an empty database with a name of its own and answers its JDBC URL. */
	public static String createDatabase(String prefix) {
		return createDatabaseNamed(prefix.replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet());
	}

	/**
	 * Creates an empty database of exactly this name, for tests that lay databases out as
	 * a deployment does.
	 */
	public static String createDatabaseNamed(String name) {
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("not a plain database name: " + name);
		}
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot create test database " + name, ex);
		}
		return jdbcUrl(name);
	}

	public static String jdbcUrl(String database) {
		return server().getJdbcUrl(USER, database);
	}

	/** The server's JDBC URL without a database: append one. */
	public static String serverUrl() {
		return "jdbc:postgresql://localhost:" + server().getPort() + "/";
	}

	public static String user() {
		return USER;
	}

	public static int port() {
		return server().getPort();
	}

	static EmbeddedPostgres server() {
		EmbeddedPostgres running = server;
		if (running == null) {
			synchronized (SharedPostgres.class) {
				running = server;
				if (running == null) {
					running = start();
					server = running;
				}
			}
		}
		return running;
	}

	private static EmbeddedPostgres start() {
		try {
			// Several zones of several services run side by side in one test JVM, each
			// with its own pool.
			return EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "400")
				.setServerConfig("shared_buffers", "64MB")
				.setServerConfig("synchronous_commit", "off")
				// A live split copies shards with logical replication
				// (CellSplitIntegrationTests).
				.setServerConfig("wal_level", "logical")
				.setServerConfig("max_worker_processes", "32")
				.setServerConfig("max_logical_replication_workers", "16")
				.setRegisterShutdownHook(true)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot start embedded PostgreSQL", ex);
		}
	}

}
