package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A single-node KRaft Kafka broker as its own process, from the broker jars the build
 * gathered. Single node means every replication factor and minimum in-sync replica count
 * is 1.
 */
final class KafkaBroker {

	/**
	 * Full tiered compilation, unlike the services: the broker starts first and alone,
	 * and serves every zone's fetches for as long as the platform runs, so C2's cheaper
	 * steady state outweighs its compile time (docs/benchmarks.md, idle).
	 */
	private static final List<String> JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC");

	private final Installation installation;

	private final Path directory;

	private final int port;

	private final int controllerPort;

	KafkaBroker(Installation installation, RunDirectory run, int port) {
		this.installation = installation;
		this.directory = run.path().resolve("kafka");
		this.port = port;
		this.controllerPort = port + 1;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + port;
	}

	Process start(Spawner spawner) {
		Path properties = writeConfiguration();
		List<String> log4j = List.of("-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
				"-Dkafka.logs.dir=" + directory.resolve("logs"));
		List<String> jvm = new java.util.ArrayList<>(JVM);
		jvm.addAll(log4j);
		Process format = spawner.java("kafka-format", jvm,
				List.of("-cp", installation.kafkaClassPath(), "kafka.tools.StorageTool", "format",
						// One argument, "--cluster-id=...": an id may start with "-",
						// which the tool would take for an option (1 run in 64).
						"--cluster-id=" + clusterId(), "-c", properties.toString()));
		try {
			if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
				format.destroyForcibly();
				throw new IllegalStateException("formatting Kafka's storage failed; see the kafka-format log");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while formatting Kafka's storage", ex);
		}
		// The broker starts from an ahead-of-time cache as the services do; formatting is
		// too short to be worth one.
		jvm.addAll(new AotCache(installation.aotCaches()).options("kafka", installation.kafkaClassPath()));
		return spawner.java("kafka", jvm,
				List.of("-cp", installation.kafkaClassPath(), "kafka.Kafka", properties.toString()));
	}

	private Path writeConfiguration() {
		try {
			Files.createDirectories(directory.resolve("data"));
			Path properties = directory.resolve("server.properties");
			// metadata.max.idle.interval.ms: an idle controller appends a no-op record
			// so that brokers can tell their metadata is current; Kafka's 500 ms is a
			// write, a fetch and a metadata update twice a second on an idle platform,
			// for
			// the one broker that is also the controller.
			Files.writeString(properties,
					String.join("\n", "process.roles=broker,controller", "node.id=1",
							"controller.quorum.voters=1@127.0.0.1:" + controllerPort,
							"listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
							"advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
							"controller.listener.names=CONTROLLER", "inter.broker.listener.name=PLAINTEXT",
							"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
							"log.dirs=" + directory.resolve("data"), "num.partitions=1",
							"offsets.topic.replication.factor=1", "offsets.topic.num.partitions=10",
							"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1",
							"min.insync.replicas=1", "share.coordinator.state.topic.replication.factor=1",
							"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0",
							"auto.create.topics.enable=false", "metadata.max.idle.interval.ms=5000", ""));
			Files.writeString(directory.resolve("log4j2.properties"),
					String.join("\n", "status = warn", "appender.console.type = Console",
							"appender.console.name = console", "appender.console.layout.type = PatternLayout",
							"appender.console.layout.pattern = %d{HH:mm:ss.SSS} %5p [kafka] %c{1} : %m%n",
							"rootLogger.level = warn", "rootLogger.appenderRef.console.ref = console",
							"logger.kafka.name = kafka.server.KafkaRaftServer", "logger.kafka.level = info", ""));
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write Kafka's configuration", ex);
		}
	}

	/** Kafka cluster ids are 16 random bytes in base64url. */
	private static String clusterId() {
		UUID uuid = UUID.randomUUID();
		java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16)
			.putLong(uuid.getMostSignificantBits())
			.putLong(uuid.getLeastSignificantBits());
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
	}

}
