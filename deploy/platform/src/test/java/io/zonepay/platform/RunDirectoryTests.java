package io.zonepay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class RunDirectoryTests {

	@TempDir
	Path state;

	@Test
	void aNewRunKeepsTheTwoNewestEarlierRunsAndDeletesTheRest() throws IOException {
		for (String old : new String[] { "20261120-090000", "20261120-100000", "20261121-080000", "20261121-090000" }) {
			Files.createDirectories(state.resolve("runs").resolve(old).resolve("postgres/data"));
			Files.writeString(state.resolve("runs").resolve(old).resolve("postgres/data/PG_VERSION"), "17");
		}

		RunDirectory run = RunDirectory.create(state);

		try (Stream<Path> runs = Files.list(state.resolve("runs"))) {
			assertThat(runs.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("20261121-080000",
					"20261121-090000", run.path().getFileName().toString());
		}
		assertThat(RunDirectory.current(state)).contains(run);
	}

	@Test
	void aProcessStartedAgainIsKnownByItsNewestPid() {
		RunDirectory run = RunDirectory.create(state);
		run.record("postgres", 10);
		run.record("rz1", 11);
		run.record("gw-hz", 12);
		run.record("rz1", 13);

		assertThat(run.latest()).containsExactly(entry("postgres", 10L), entry("rz1", 13L), entry("gw-hz", 12L));
	}

	@Test
	void keepsWhatTheRunWasStartedWithForAProcessStartedLater() {
		RunDirectory run = RunDirectory.create(state);
		LocalInfrastructure infrastructure = new LocalInfrastructure("jdbc:postgresql://127.0.0.1:15432/", "postgres",
				"127.0.0.1:19092");

		run.writeSettings(new RunDirectory.Settings(Path.of("/opt/zonepay/topology.yml"), infrastructure));

		assertThat(RunDirectory.current(state).orElseThrow().settings())
			.isEqualTo(new RunDirectory.Settings(Path.of("/opt/zonepay/topology.yml"), infrastructure));
	}

	@Test
	void aProcessStartedLaterSendsItsTracesWhereTheRunsDo() {
		RunDirectory run = RunDirectory.create(state);
		LocalInfrastructure infrastructure = new LocalInfrastructure("jdbc:postgresql://127.0.0.1:15432/", "postgres",
				"127.0.0.1:19092", "http://127.0.0.1:9411/api/v2/spans");

		run.writeSettings(new RunDirectory.Settings(Path.of("/opt/zonepay/topology.yml"), infrastructure));

		assertThat(RunDirectory.current(state).orElseThrow().settings().infrastructure().traceEndpoint())
			.isEqualTo("http://127.0.0.1:9411/api/v2/spans");
	}

}
