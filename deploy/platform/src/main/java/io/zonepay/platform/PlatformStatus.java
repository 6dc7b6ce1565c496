package io.zonepay.platform;

import java.util.Map;
import java.util.Optional;

import picocli.CommandLine.Command;

/** Shows which processes of the current run are alive. */
@Command(name = "status",
		description = { "Shows which processes of the current run are alive.", "Exit status 3 when one is not." })
final class PlatformStatus implements ZonePayCommand {

	private final Installation installation;

	PlatformStatus(Installation installation) {
		this.installation = installation;
	}

	@Override
	public Action check() {
		return this::run;
	}

	int run() {
		Optional<RunDirectory> current = RunDirectory.current(installation.stateDirectory());
		if (current.isEmpty()) {
			System.out.println("ZonePay is not running.");
			return 0;
		}
		RunDirectory run = current.get();
		System.out.println("Run " + run.path());
		System.out.printf("%-12s %-8s %s%n", "PROCESS", "PID", "STATE");
		int dead = 0;
		for (Map.Entry<String, Long> process : run.latest().entrySet()) {
			if (process.getKey().equals("kafka-format")) {
				continue;
			}
			boolean alive = ProcessHandle.of(process.getValue()).map(ProcessHandle::isAlive).orElse(false);
			dead += alive ? 0 : 1;
			System.out.printf("%-12s %-8d %s%n", process.getKey(), process.getValue(),
					alive ? "running" : "stopped (see " + run.log(process.getKey()) + ")");
		}
		return dead == 0 ? 0 : 3;
	}

}
