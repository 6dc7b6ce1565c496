package io.zonepay.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
			assertThat(runs.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("20261121-080000", "20261121-090000",
					run.path().getFileName().toString());
		}
		assertThat(RunDirectory.current(state)).contains(run);
	}
}
