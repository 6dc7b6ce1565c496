package io.zonepay.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneKind;

import picocli.CommandLine.Command;

/**
 * Records the platform's start-up caches (see {@link AotCache}) right after a build, so
 * that the first {@code up} after it starts as fast as the ones that follow: a cache is
 * written by a JVM as it exits, so without this the first run pays for a start without
 * any and writes them only at {@code down}. One process of each kind (the GZone, an
 * RZone, a city's gateway, the Kafka broker) is started on a throwaway PostgreSQL and
 * Kafka, as {@code up} would start it, waited for until it has started, and stopped. This
 * is what Spring Boot's buildpacks do for their class data sharing archive: a training
 * run at build time.
 */
@Command(name = "prepare",
		description = { "Records the start-up caches of a new build; ./zonepay up runs it after building.",
				"One process of each kind is started on a throwaway database and broker, then stopped:"
						+ " each JVM writes its cache as it exits." })
final class AotTraining implements ZonePayCommand {

	/**
	 * A start without caches on two busy cores; beyond it something is wrong, and up
	 * records the caches itself.
	 */
	private static final Duration BOUND = Duration.ofSeconds(240);

	private final Installation installation;

	AotTraining(Installation installation) {
		this.installation = installation;
	}

	@Override
	public Action check() {
		return this::run;
	}

	int run() throws Exception {
		if (!AotCache.supported()) {
			System.out
				.println("No start-up caches on Java " + Runtime.version().feature() + " (they need 25 or newer).");
			return 0;
		}
		Instant began = Instant.now();
		Path topologyFile = installation.defaultTopology();
		Topology topology = TopologyFile.read(topologyFile);
		List<String> trained = trainees(topology);
		Installation training = installation.training();
		// A training stopped half way (Ctrl-C) may have left processes behind.
		new PlatformDown(training, false).run();
		try {
			PlatformUp.requireFreePorts(PlatformUp.plan(topology), UpOptions.POSTGRES_PORT, UpOptions.KAFKA_PORT,
					false);
		}
		catch (IllegalStateException ex) {
			System.out.println("Start-up caches not recorded now (" + ex.getMessage()
					+ "); the next up records them as it stops.");
			return 0;
		}
		System.out.println("Recording the start-up caches of this build (once per build): " + String.join(", ", trained)
				+ ", kafka ...");
		RunDirectory run = RunDirectory.create(training.stateDirectory());
		try {
			train(training, run, topology, topologyFile, trained, began);
		}
		catch (Exception ex) {
			new PlatformDown(training, false).run();
			throw new IllegalStateException(
					"the start-up caches were not recorded: " + ex.getMessage() + "\nLogs: " + run.logs(), ex);
		}
		// Stopping is what writes the caches: each JVM records its own as it exits.
		if (new PlatformDown(training, false).run() != 0) {
			throw new IllegalStateException("the training's processes did not all stop; logs: " + run.logs());
		}
		FileTrees.delete(training.stateDirectory());
		System.out.printf("Start-up caches recorded in %d s (%s).%n",
				Duration.between(began, Instant.now()).toSeconds(), installation.aotCaches());
		return 0;
	}

	private void train(Installation training, RunDirectory run, Topology topology, Path topologyFile,
			List<String> trained, Instant began) throws InterruptedException {
		Spawner spawner = new Spawner(run);
		StartupWatch watch = new StartupWatch(run, began, System.out);
		watch.started("postgres", PlatformUp.startPostgres(training, spawner, run, PlatformUp.databases(topology),
				UpOptions.POSTGRES_PORT), () -> Files.exists(PlatformUp.postgresReady(run)));
		KafkaBroker kafka = new KafkaBroker(training, run, UpOptions.KAFKA_PORT);
		Process broker = kafka.start(spawner);
		watch.awaitReady(BOUND);
		watch.started("kafka", broker, () -> Readiness.listening(UpOptions.KAFKA_PORT));
		LocalInfrastructure infrastructure = new LocalInfrastructure(
				"jdbc:postgresql://127.0.0.1:" + UpOptions.POSTGRES_PORT + "/", "postgres", kafka.bootstrapServers());
		ServiceLauncher launcher = new ServiceLauncher(training, topology, topologyFile, infrastructure);
		Readiness readiness = new Readiness();
		for (PlatformProcess process : PlatformUp.plan(topology)) {
			if (trained.contains(process.name())) {
				watch.started(process.name(), launcher.start(spawner, process.name()),
						() -> process.managementPorts().stream().allMatch(readiness::serviceLive));
			}
		}
		watch.awaitReady(BOUND);
	}

	/**
	 * The first process of each kind in the topology: the GZone, an RZone, a city's
	 * gateway.
	 */
	private static List<String> trainees(Topology topology) {
		return List.of(
				topology.zones()
					.stream()
					.filter(zone -> zone.kind() == ZoneKind.GZONE)
					.findFirst()
					.orElseThrow()
					.id()
					.value(),
				topology.rzones().getFirst().id().value(), "gw-" + topology.cities().getFirst().id().value());
	}

}
