package io.zonepay.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneKind;

import org.jspecify.annotations.Nullable;

/**
 * Starts the whole topology: PostgreSQL and Kafka first, then the GZone, every RZone (one
 * process each) and every city's gateway at once, and waits until each reports itself
 * ready. Whatever fails, nothing is left half-running.
 */
final class PlatformUp {

	private final Installation installation;

	private final UpOptions options;

	/**
	 * PostgreSQL unpacks its binaries on a checkout's first run (a few seconds), then
	 * starts in two or three.
	 */
	private static final Duration POSTGRES_BOUND = Duration.ofSeconds(60);

	private final Readiness readiness = new Readiness();

	PlatformUp(Installation installation, UpOptions options) {
		this.installation = installation;
		this.options = options;
	}

	int run() throws Exception {
		Instant started = Instant.now();
		requireNotRunning(installation);
		Path topologyFile = options.topologyFile();
		Topology topology = TopologyFile.read(topologyFile);
		int postgresPort = options.postgresPort();
		int kafkaPort = options.kafkaPort();
		List<PlatformProcess> plan = plan(topology);
		requireFreePorts(plan, postgresPort, kafkaPort, options.traces());
		if (options.traces()) {
			installation.zipkinJar();
		}

		RunDirectory run = RunDirectory.create(installation.stateDirectory());
		Spawner spawner = new Spawner(run);
		Map<String, Process> processes = new LinkedHashMap<>();
		StartupWatch watch = new StartupWatch(run, started, System.out);
		try {
			System.out.println("Starting ZonePay (" + topologyFile.getFileName() + ") in " + run.path());
			processes.put("postgres", startPostgres(installation, spawner, run, databases(topology), postgresPort));
			watch.started("postgres", processes.get("postgres"), () -> Files.exists(postgresReady(run)));
			KafkaBroker kafka = new KafkaBroker(installation, run, kafkaPort);
			processes.put("kafka", kafka.start(spawner));
			if (options.traces()) {
				processes.put(Zipkin.NAME, Zipkin.start(installation, spawner));
				watch.started(Zipkin.NAME, processes.get(Zipkin.NAME), () -> Readiness.listening(Zipkin.PORT));
			}
			// The services migrate their databases as they start: PostgreSQL first. Kafka
			// comes up meanwhile.
			watch.awaitReady(POSTGRES_BOUND);
			watch.started("kafka", processes.get("kafka"), () -> Readiness.listening(kafkaPort));
			LocalInfrastructure infrastructure = new LocalInfrastructure(
					"jdbc:postgresql://127.0.0.1:" + postgresPort + "/", "postgres", kafka.bootstrapServers(),
					options.traces() ? Zipkin.spansEndpoint() : null);
			run.writeSettings(new RunDirectory.Settings(topologyFile, infrastructure));
			ServiceLauncher launcher = new ServiceLauncher(installation, topology, topologyFile, infrastructure);
			for (PlatformProcess process : plan) {
				processes.put(process.name(), launcher.start(spawner, process.name()));
				watch.started(process.name(), processes.get(process.name()),
						() -> process.managementPorts().stream().allMatch(readiness::serviceReady));
			}
			watch.awaitReady(options.timeout());
		}
		catch (Exception ex) {
			System.err.println("ZonePay did not come up: " + ex.getMessage());
			System.err.println("Logs: " + run.logs());
			new PlatformDown(installation).run();
			return 1;
		}
		print(plan, processes, topology, run, Duration.between(started, Instant.now()), postgresPort, kafkaPort);
		return 0;
	}

	/**
	 * Refuses to start a second platform over a running one (checked before ./zonepay
	 * builds, too: a build replaces its jars).
	 */
	static void requireNotRunning(Installation installation) {
		RunDirectory.current(installation.stateDirectory())
			.filter(run -> run.processes()
				.stream()
				.anyMatch(process -> ProcessHandle.of(process.pid()).map(ProcessHandle::isAlive).orElse(false)))
			.ifPresent(run -> {
				throw new IllegalStateException("ZonePay is already up (" + run.path() + "); ./zonepay down first");
			});
	}

	/** Every zone's process and every city's gateway, in the order they start. */
	static List<PlatformProcess> plan(Topology topology) {
		List<PlatformProcess> plan = new ArrayList<>();
		for (Topology.ZoneSpec zone : topology.zones()) {
			List<String> ports = new ArrayList<>();
			List<Integer> management = new ArrayList<>();
			zone.endpoints().forEach((service, uri) -> {
				ports.add(service + " " + uri.getPort());
				management.add(uri.getPort() + ServiceArguments.MANAGEMENT_PORT_OFFSET);
			});
			ports.sort(null);
			plan.add(new PlatformProcess(zone.id().value(), zone.kind().name(), zone.city().value(),
					shards(zone.shards()), ports, management));
		}
		for (Topology.City city : topology.cities()) {
			URI gateway = java.util.Objects.requireNonNull(city.gateway(),
					() -> "city " + city.id() + " declares no gateway");
			plan.add(new PlatformProcess("gw-" + city.id(), "gateway", city.id().value(), "-",
					List.of("http " + gateway.getPort()),
					List.of(gateway.getPort() + ServiceArguments.MANAGEMENT_PORT_OFFSET)));
		}
		return plan;
	}

	/**
	 * A database per zone (or shard group) and service, as the services' settings name
	 * them.
	 */
	static List<String> databases(Topology topology) {
		List<String> databases = new ArrayList<>();
		for (Topology.ZoneSpec zone : topology.zones()) {
			if (zone.kind() == ZoneKind.RZONE) {
				ServiceArguments.rzoneServices()
					.forEach(service -> databases.add(ServiceArguments.database(zone, service)));
			}
			else {
				databases.add(ServiceArguments.database(zone, "config"));
			}
		}
		return databases;
	}

	/**
	 * The PostgreSQL host process, started exactly as {@code up} starts it (its
	 * integration test calls this too).
	 */
	static Process startPostgres(Installation installation, Spawner spawner, RunDirectory run, List<String> databases,
			int port) {
		return spawner.java("postgres", PostgresHost.JVM_OPTIONS,
				PostgresHost.arguments(installation.platformClassPath(), installation.postgresBinaries(), port,
						run.path().resolve("pgdata"), postgresReady(run), databases));
	}

	static Path postgresReady(RunDirectory run) {
		return run.path().resolve("postgres.ready");
	}

	static void requireFreePorts(List<PlatformProcess> plan, int postgresPort, int kafkaPort, boolean traces) {
		List<Integer> ports = new ArrayList<>(List.of(postgresPort, kafkaPort, kafkaPort + 1));
		if (traces) {
			ports.add(Zipkin.PORT);
		}
		for (PlatformProcess process : plan) {
			process.ports().forEach(port -> ports.add(Integer.parseInt(port.substring(port.lastIndexOf(' ') + 1))));
			ports.addAll(process.managementPorts());
		}
		List<Integer> taken = ports.stream().filter(port -> !free(port)).toList();
		if (!taken.isEmpty()) {
			throw new IllegalStateException("ports already in use: " + taken
					+ ". Is ZonePay already up? Try ./zonepay status or ./zonepay down");
		}
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			socket.setReuseAddress(true);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String shards(@Nullable ShardSet shards) {
		if (shards == null) {
			return "-";
		}
		List<Shard> list = shards.shards();
		return list.getFirst() + "-" + list.getLast()
				+ (list.size() == list.getLast().value() - list.getFirst().value() + 1 ? "" : " (" + list.size() + ")");
	}

	private static void print(List<PlatformProcess> plan, Map<String, Process> processes, Topology topology,
			RunDirectory run, Duration took, int postgresPort, int kafkaPort) {
		System.out.printf("%nZonePay is up in %d s. Logs: %s%n%n", took.toSeconds(), run.logs());
		String format = "%-8s %-8s %-5s %-7s %-8s %s%n";
		System.out.printf(format, "ZONE", "KIND", "CITY", "SHARDS", "PID", "PORTS (management = port + 100)");
		for (PlatformProcess process : plan) {
			System.out.printf(format, process.name(), process.kind(), process.city(), process.shards(),
					processes.get(process.name()).pid(), String.join(", ", process.ports()));
		}
		System.out.printf(format, "postgres", "infra", "-", "-", processes.get("postgres").pid(),
				"postgresql " + postgresPort);
		System.out.printf(format, "kafka", "infra", "-", "-", processes.get("kafka").pid(), "kafka " + kafkaPort);
		if (processes.containsKey(Zipkin.NAME)) {
			System.out.printf(format, Zipkin.NAME, "infra", "-", "-", processes.get(Zipkin.NAME).pid(),
					"http " + Zipkin.PORT);
		}
		System.out.println();
		for (Topology.City city : topology.cities()) {
			System.out
				.println("Gateway " + city.id() + ": " + city.gateway() + "   war room: " + city.gateway() + "/ops");
		}
		if (processes.containsKey(Zipkin.NAME)) {
			System.out.println("Traces: http://localhost:" + Zipkin.PORT
					+ " (Zipkin: by service, or by the trace id of a gateway's access line)");
		}
		URI first = topology.cities().getFirst().gateway();
		System.out.println();
		System.out.println("Try:  curl -s -X POST " + first
				+ "/api/users -H 'Content-Type: application/json' -d '{\"name\": \"Alice\", \"shard\": 37}'");
		System.out.println("Stop: ./zonepay down");
	}

}
