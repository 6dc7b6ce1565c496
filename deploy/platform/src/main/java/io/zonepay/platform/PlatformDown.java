package io.zonepay.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import picocli.CommandLine.Command;

/**
 * Stops everything the current run started: the services first, so they let go of Kafka
 * and PostgreSQL cleanly, then the infrastructure, then anything still alive whose
 * command line names the run (the PostgreSQL server daemonizes out of its launcher's
 * process tree). Ends by checking that nothing is left.
 */
@Command(name = "down", description = "Stops everything the current run started; checks nothing is left.")
final class PlatformDown implements ZonePayCommand {

	/** Room for a JVM that records its ahead-of-time cache as it exits. */
	private static final Duration GRACE = Duration.ofSeconds(60);

	private final Installation installation;

	/**
	 * Whether to say what it stopped: not when a run of its own, such as the start-up
	 * caches' training, is over.
	 */
	private final boolean report;

	PlatformDown(Installation installation) {
		this(installation, true);
	}

	PlatformDown(Installation installation, boolean report) {
		this.installation = installation;
		this.report = report;
	}

	@Override
	public Action check() {
		return this::run;
	}

	int run() throws InterruptedException {
		Optional<RunDirectory> current = RunDirectory.current(installation.stateDirectory());
		if (current.isEmpty()) {
			if (report) {
				System.out.println("ZonePay is not running.");
			}
			return 0;
		}
		RunDirectory run = current.get();
		List<RunDirectory.Recorded> recorded = run.processes();
		List<ProcessHandle> services = handles(
				recorded.stream().filter(process -> !isInfrastructure(process.name())).toList());
		List<ProcessHandle> infrastructure = handles(
				recorded.stream().filter(process -> isInfrastructure(process.name())).toList());
		stop(services);
		stop(infrastructure);
		stopPostgresServer(run);
		stop(strays(run));
		List<ProcessHandle> left = strays(run);
		if (!left.isEmpty()) {
			System.err.println("Could not stop: "
					+ left.stream().map(handle -> handle.pid() + " " + handle.info().command().orElse("?")).toList());
			return 1;
		}
		RunDirectory.clearCurrent(installation.stateDirectory());
		if (report) {
			System.out.println("ZonePay is down: stopped " + (services.size() + infrastructure.size())
					+ " processes, none left. Logs stay in " + run.logs());
		}
		return 0;
	}

	private static boolean isInfrastructure(String name) {
		return name.equals("postgres") || name.startsWith("kafka") || name.equals(Zipkin.NAME);
	}

	private static List<ProcessHandle> handles(List<RunDirectory.Recorded> processes) {
		List<ProcessHandle> handles = new ArrayList<>();
		for (RunDirectory.Recorded process : processes) {
			ProcessHandle.of(process.pid()).filter(ProcessHandle::isAlive).ifPresent(handle -> {
				handles.addAll(handle.descendants().toList());
				handles.add(handle);
			});
		}
		return handles;
	}

	/** Asks politely, waits a bounded time, then insists. */
	private static void stop(List<ProcessHandle> processes) throws InterruptedException {
		processes.forEach(ProcessHandle::destroy);
		Instant deadline = Instant.now().plus(GRACE);
		while (processes.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
		}
		processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle process : processes) {
			try {
				process.onExit().get(5, TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				// Reported by the final check for survivors.
			}
		}
	}

	/**
	 * The postmaster's pid is in its data directory, in case its host was killed before
	 * it could stop it.
	 */
	private static void stopPostgresServer(RunDirectory run) throws InterruptedException {
		stop(run.postmaster().map(List::of).orElse(List.of()));
	}

	private static List<ProcessHandle> strays(RunDirectory run) {
		String marker = run.path().toString();
		return ProcessHandle.allProcesses()
			.filter(handle -> handle.pid() != ProcessHandle.current().pid())
			.filter(handle -> handle.info().commandLine().map(line -> line.contains(marker)).orElse(false))
			.toList();
	}

}
