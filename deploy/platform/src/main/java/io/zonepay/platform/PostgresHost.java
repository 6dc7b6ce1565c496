package io.zonepay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The platform's PostgreSQL: one real PostgreSQL 17 server from the embedded binaries, with a database per zone
 * (or shard group) and service. Runs until it is told to stop, and stops the server with it.
 */
public final class PostgresHost {

	private PostgresHost() {
	}

	/** {@code --port 15432 --data <dir> --ready <file> --databases a,b,c} */
	public static void main(String[] args) throws IOException, SQLException, InterruptedException {
		Options options = Options.parse(args);
		Path data = Path.of(options.required("data"));
		Files.createDirectories(data);
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setPort(options.getInt("port", 15432))
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			// Four zones of three services, the GZone and their pools.
			.setServerConfig("max_connections", "300")
			.setServerConfig("shared_buffers", "128MB")
			.setRegisterShutdownHook(true)
			.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
			for (String database : List.of(options.required("databases").split(","))) {
				statement.execute("create database " + database);
			}
		}
		Files.writeString(Path.of(options.required("ready")), Long.toString(ProcessHandle.current().pid()));
		new CountDownLatch(1).await();
	}
}
