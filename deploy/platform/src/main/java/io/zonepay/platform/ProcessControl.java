package io.zonepay.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonepay.kernel.zone.Topology;

/**
 * {@code ./zonepay kill <name>} and {@code ./zonepay start <name>}: crashes one service
 * process of the running platform for real (SIGKILL, no shutdown hooks, as a machine that
 * dies) and starts it again as {@code up} did. The infrastructure (PostgreSQL, Kafka) is
 * not theirs to touch.
 */
final class ProcessControl {

	private static final Duration EXIT_WAIT = Duration.ofSeconds(10);

	/**
	 * How long a process started again has to be ready, unless
	 * {@code ./zonepay start --timeout} says otherwise.
	 */
	static final Duration READY_BOUND = Duration.ofSeconds(180);

	private final Installation installation;

	private final String name;

	private final Readiness readiness = new Readiness();

	/**
	 * @param name a zone or a city's gateway ({@code gw-<city>}), never the
	 * infrastructure: {@link KnownZones#process} checks it
	 */
	ProcessControl(Installation installation, String name) {
		this.installation = installation;
		this.name = name;
	}

	int kill() throws InterruptedException {
		RunDirectory run = currentRun();
		ProcessHandle process = alive(run, name).orElseThrow(() -> new IllegalStateException(name + " is not running"));
		List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
		tree.add(process);
		tree.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle handle : tree) {
			try {
				handle.onExit().get(EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException(
						name + " (pid " + handle.pid() + ") did not die within " + EXIT_WAIT.toSeconds() + " s");
			}
		}
		System.out.println("killed " + name + " (pid " + process.pid() + ")");
		return 0;
	}

	int start(Duration readyWithin) throws InterruptedException {
		Instant started = Instant.now();
		RunDirectory run = currentRun();
		if (alive(run, name).isPresent()) {
			throw new IllegalStateException(name + " is already running");
		}
		RunDirectory.Settings settings = run.settings();
		Topology topology = TopologyFile.read(settings.topologyFile());
		PlatformProcess planned = PlatformUp.plan(topology)
			.stream()
			.filter(process -> process.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no zone or gateway named " + name));
		Process process = new ServiceLauncher(installation, topology, settings.topologyFile(),
				settings.infrastructure())
			.start(new Spawner(run), name);
		StartupWatch watch = new StartupWatch(run, started, System.out);
		watch.started(name, process, () -> planned.managementPorts().stream().allMatch(readiness::serviceReady));
		watch.awaitReady(readyWithin);
		System.out.printf("started %s (pid %d), ready in %d s%n", name, process.pid(),
				Duration.between(started, Instant.now()).toSeconds());
		return 0;
	}

	/** Whether a zone's process of the current run is alive. */
	static boolean running(Installation installation, String name) {
		return RunDirectory.current(installation.stateDirectory()).flatMap(run -> alive(run, name)).isPresent();
	}

	private RunDirectory currentRun() {
		return RunDirectory.current(installation.stateDirectory())
			.orElseThrow(() -> new IllegalStateException("ZonePay is not running"));
	}

	private static Optional<ProcessHandle> alive(RunDirectory run, String name) {
		Long pid = run.latest().get(name);
		return pid == null ? Optional.empty() : ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
	}

}
