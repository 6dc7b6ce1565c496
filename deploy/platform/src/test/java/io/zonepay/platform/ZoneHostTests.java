package io.zonepay.platform;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneHostTests {

	@Test
	void theHostReadsTheCommandLineTheLauncherWritesForIt() {
		LocalInfrastructure infrastructure = new LocalInfrastructure("jdbc:postgresql://127.0.0.1:15432/", "postgres",
				"127.0.0.1:19092");
		List<String> commandLine = ZoneHost.arguments("platform.jar", "rz3", Path.of("/opt/zonepay/topology.yml"),
				infrastructure);

		assertThat(commandLine.subList(0, 3)).containsExactly("-cp", "platform.jar", ZoneHost.class.getName());
		ZoneHost.Arguments read = CommandLine.populateCommand(new ZoneHost.Arguments(),
				PostgresHostTests.hostArguments(commandLine));
		assertThat(read.zone).isEqualTo("rz3");
		assertThat(read.topologyFile).isEqualTo(Path.of("/opt/zonepay/topology.yml"));
		assertThat(new LocalInfrastructure(read.postgresUrl, read.postgresUser, read.kafka, read.traces))
			.isEqualTo(infrastructure);
	}

	@Test
	void theHostSendsTracesWhereTheLauncherSays() {
		LocalInfrastructure infrastructure = new LocalInfrastructure("jdbc:postgresql://127.0.0.1:15432/", "postgres",
				"127.0.0.1:19092", "http://127.0.0.1:9411/api/v2/spans");
		List<String> commandLine = ZoneHost.arguments("platform.jar", "rz3", Path.of("/opt/zonepay/topology.yml"),
				infrastructure);

		ZoneHost.Arguments read = CommandLine.populateCommand(new ZoneHost.Arguments(),
				PostgresHostTests.hostArguments(commandLine));
		assertThat(new LocalInfrastructure(read.postgresUrl, read.postgresUser, read.kafka, read.traces))
			.isEqualTo(infrastructure);
	}

}
