package io.zonepay.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The PostgreSQL host process as {@code ./zonepay up} starts it (same JVM options, same
 * class path, same arguments), on a machine where no PostgreSQL binaries were ever
 * unpacked: the first thing a new user runs.
 */
class PostgresHostIntegrationTests {

	/**
	 * The checkout this module belongs to: failsafe runs in the module's directory, after
	 * {@code package}.
	 */
	private static final Path CHECKOUT = Path.of("../..").toAbsolutePath().normalize();

	@TempDir
	Path state;

	private Installation installation;

	@AfterEach
	void stopEverything() throws InterruptedException {
		if (installation != null) {
			assertThat(new PlatformDown(installation).run()).as("down leaves nothing running").isZero();
		}
	}

	@Test
	void comesUpWithNothingUnpackedAndServesItsDatabases() throws Exception {
		installation = new Installation(CHECKOUT, state);
		assertThat(installation.postgresBinaries()).doesNotExist();
		RunDirectory run = RunDirectory.create(state);
		int port = freePort();

		Process host = PlatformUp.startPostgres(installation, new Spawner(run), run,
				List.of("sg1_account", "gz_config"), port);

		await().atMost(Duration.ofSeconds(120))
			.until(() -> Files.exists(PlatformUp.postgresReady(run)) || !host.isAlive());
		assertThat(host.isAlive()).as("the host is alive; its log says:%n%s", Files.readString(run.log("postgres")))
			.isTrue();
		assertThat(databases(port)).contains("sg1_account", "gz_config");
		assertThat(unpacked()).singleElement().satisfies(binaries -> {
			assertThat(binaries.resolve(".exists")).exists();
			assertThat(binaries.resolve("bin/postgres")).isExecutable();
		});
	}

	private List<Path> unpacked() throws IOException {
		try (Stream<Path> entries = Files.list(installation.postgresBinaries())) {
			return entries.toList();
		}
	}

	private static List<String> databases(int port) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
				"postgres", "");
				ResultSet rows = connection.createStatement().executeQuery("select datname from pg_database")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
