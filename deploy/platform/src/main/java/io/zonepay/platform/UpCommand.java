package io.zonepay.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import static io.zonepay.platform.ZonePayCommand.refusing;
import static io.zonepay.platform.ZonePayCommand.within;

/** {@code ./zonepay up}: see {@link PlatformUp}. */
@Command(name = "up",
		description = { "Starts the whole platform on this machine and waits until it is ready.",
				"PostgreSQL and Kafka first, then the GZone, the CZones, every RZone (one process each)"
						+ " and every city's gateway;" + " ./zonepay builds what changed first." })
final class UpCommand implements ZonePayCommand {

	private final Installation installation;

	@Spec
	CommandSpec spec;

	@Option(names = "--topology", paramLabel = "FILE",
			description = "the topology to start (default: local.yml in config-service/src/main/resources/topology)")
	@Nullable Path topology;

	@Option(names = "--postgres-port", defaultValue = "" + UpOptions.POSTGRES_PORT, paramLabel = "PORT",
			description = "PostgreSQL's port (default: ${DEFAULT-VALUE})")
	int postgresPort;

	@Option(names = "--kafka-port", defaultValue = "" + UpOptions.KAFKA_PORT, paramLabel = "PORT",
			description = "Kafka's port; its controller takes the next one (default: ${DEFAULT-VALUE})")
	int kafkaPort;

	@Option(names = "--timeout", defaultValue = "240", paramLabel = "SECONDS",
			description = "how long the processes have to be ready, 1..3600 (default: ${DEFAULT-VALUE})")
	int timeout;

	@Option(names = "--traces",
			description = "also run Zipkin on port " + Zipkin.PORT + " (its UI: http://localhost:" + Zipkin.PORT
					+ ") and send it every service's traces;"
					+ " ./zonepay fetches its server jar from Maven Central the first time")
	boolean traces;

	UpCommand(Installation installation) {
		this.installation = installation;
	}

	@Override
	public Action check() {
		UpOptions options = refusing(spec,
				() -> new UpOptions(topologyFile(), within("--postgres-port", postgresPort, 1, 65535),
						within("--kafka-port", kafkaPort, 1, 65534),
						Duration.ofSeconds(within("--timeout", timeout, 1, 3600)), traces));
		PlatformUp.requireNotRunning(installation);
		return () -> new PlatformUp(installation, options).run();
	}

	/**
	 * A topology that cannot be read is refused here, before anything is built or
	 * started.
	 */
	private Path topologyFile() {
		Path file = (topology != null ? topology : installation.defaultTopology()).toAbsolutePath();
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("--topology " + file + ": no such file");
		}
		try {
			TopologyFile.read(file);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(
					"--topology " + file + ": " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage(), ex);
		}
		return file;
	}

}
