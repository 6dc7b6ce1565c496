package io.zonepay.platform;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresHostTests {

	@Test
	void theHostReadsTheCommandLineUpWritesForIt() {
		List<String> commandLine = PostgresHost.arguments("platform.jar", Path.of("/state/postgres"), 25432,
				Path.of("/run/pgdata"), Path.of("/run/postgres.ready"), List.of("gz_config", "sg1_account"));

		assertThat(commandLine.subList(0, 3)).containsExactly("-cp", "platform.jar", PostgresHost.class.getName());
		PostgresHost.Arguments read = CommandLine.populateCommand(new PostgresHost.Arguments(),
				hostArguments(commandLine));
		assertThat(read.binaries).isEqualTo(Path.of("/state/postgres"));
		assertThat(read.port).isEqualTo(25432);
		assertThat(read.data).isEqualTo(Path.of("/run/pgdata"));
		assertThat(read.ready).isEqualTo(Path.of("/run/postgres.ready"));
		assertThat(read.databases).containsExactly("gz_config", "sg1_account");
	}

	@Test
	void refusesACommandLineWithoutItsDatabases() {
		assertThatExceptionOfType(MissingParameterException.class)
			.isThrownBy(() -> CommandLine.populateCommand(new PostgresHost.Arguments(), "--binaries", "/b", "--data",
					"/d", "--ready", "/r"))
			.withMessageContaining("--databases");
	}

	/** What follows the main class. */
	static String[] hostArguments(List<String> commandLine) {
		return commandLine.subList(3, commandLine.size()).toArray(String[]::new);
	}

}
