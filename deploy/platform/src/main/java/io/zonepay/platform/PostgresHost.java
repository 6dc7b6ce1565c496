package io.zonepay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The platform's PostgreSQL: one real PostgreSQL 17 server from the embedded binaries,
 * with a database per zone (or shard group) and service. Runs until it is told to stop,
 * and stops the server with it.
 */
public final class PostgresHost {

	/**
	 * How {@code ./zonepay up} runs this host. The heap holds zonky's copy of the 15 MB
	 * archive (it digests it at every start) and a JDBC connection; the binaries are
	 * unpacked by {@link PostgresBinaries}, streaming.
	 */
	static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

	private PostgresHost() {
	}

	/**
	 * The host's command line after the JVM options: where it unpacks the binaries,
	 * listens, keeps its data and says it is ready.
	 */
	static List<String> arguments(String classPath, Path binaries, int port, Path data, Path ready,
			List<String> databases) {
		return List.of("-cp", classPath, PostgresHost.class.getName(), "--binaries", binaries.toString(), "--port",
				Integer.toString(port), "--data", data.toString(), "--ready", ready.toString(), "--databases",
				String.join(",", databases));
	}

	/**
	 * {@code --binaries
	 *
	<dir>
	 *  --port 15432 --data
	 *
	<dir>
	 *  --ready <file> --databases a,b,c}
	 */
	public static void main(String[] args) throws IOException, SQLException, InterruptedException {
		Arguments options = CommandLine.populateCommand(new Arguments(), args);
		Files.createDirectories(options.data);
		Path binaries = new PostgresBinaries(options.binaries).prepare();
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setOverrideWorkingDirectory(binaries.getParent().toFile())
			.setPort(options.port)
			.setDataDirectory(options.data)
			.setCleanDataDirectory(false)
			// Four zones of three services, the GZone and their pools; the connection
			// benchmark (deploy/bench/connections.sh) asks for more.
			.setServerConfig("max_connections",
					Objects.requireNonNullElse(System.getenv("ZONEPAY_POSTGRES_MAX_CONNECTIONS"), "300"))
			.setServerConfig("shared_buffers", "128MB")
			// A live split copies shards with logical replication (./zonepay zone add).
			.setServerConfig("wal_level", "logical")
			.setServerConfig("max_worker_processes", "32")
			.setServerConfig("max_logical_replication_workers", "16")
			// A split's first copy syncs one table at a time: gentler on the host.
			.setServerConfig("max_sync_workers_per_subscription", "1")
			// ZONEPAY_POSTGRES_STATEMENTS=on counts every statement (pg_stat_statements;
			// `create extension pg_stat_statements` in a database to read them): where a
			// payment's database work goes (docs/benchmarks.md).
			.setServerConfig("shared_preload_libraries",
					"on".equals(System.getenv("ZONEPAY_POSTGRES_STATEMENTS")) ? "pg_stat_statements" : "")
			.setRegisterShutdownHook(true)
			.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			for (String database : options.databases) {
				statement.execute("create database " + database);
			}
		}
		Files.writeString(options.ready, Long.toString(ProcessHandle.current().pid()));
		new CountDownLatch(1).await();
	}

	/**
	 * What {@link #arguments} writes; {@code up} is its only caller, so a mistake ends
	 * the process with picocli's message.
	 */
	@Command(name = "postgres-host")
	static final class Arguments {

		@Option(names = "--binaries", required = true,
				description = "where the PostgreSQL binaries are unpacked, once per checkout")
		Path binaries = Path.of("");

		@Option(names = "--port", defaultValue = "15432")
		int port;

		@Option(names = "--data", required = true)
		Path data = Path.of("");

		@Option(names = "--ready", required = true,
				description = "the file written, with the host's pid, once every database exists")
		Path ready = Path.of("");

		@Option(names = "--databases", required = true, split = ",")
		List<String> databases = new ArrayList<>();

	}

}
