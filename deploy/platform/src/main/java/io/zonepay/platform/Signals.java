package io.zonepay.platform;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Freezes and thaws processes of the running platform (SIGSTOP, SIGCONT): a process that
 * stops answering without dying, as a host in a long GC pause, a hung disk or a VM being
 * migrated does, or all of them at once, as a machine that stops does. Java cannot send
 * those signals itself.
 */
final class Signals {

	private Signals() {
	}

	static void freeze(long pid) throws InterruptedException {
		send("STOP", List.of(pid));
	}

	static void thaw(long pid) throws InterruptedException {
		send("CONT", List.of(pid));
	}

	/** Freezes these processes with one kill: as nearly at once as a machine stops. */
	static void freeze(List<Long> pids) throws InterruptedException {
		send("STOP", pids);
	}

	static void thaw(List<Long> pids) throws InterruptedException {
		send("CONT", pids);
	}

	private static void send(String signal, List<Long> pids) throws InterruptedException {
		List<String> command = new ArrayList<>(List.of("sh", "-c", "kill -" + signal + " \"$@\"", "sh"));
		pids.forEach(pid -> command.add(Long.toString(pid)));
		String which = pids.size() == 1 ? pids.getFirst().toString() : pids.size() + " processes";
		try {
			// The shell's own kill: every machine has a shell, not every one the procps
			// binary.
			Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
			if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				kill.destroyForcibly();
				throw new IllegalStateException("kill -" + signal + " " + which + " failed: "
						+ new String(kill.getInputStream().readAllBytes()).strip());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run kill -" + signal + " " + which, ex);
		}
	}

}
