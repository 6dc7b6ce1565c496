package io.zonepay.platform;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Freezes and thaws a process of the running platform (SIGSTOP, SIGCONT): a process that
 * stops answering without dying, as a host in a long GC pause, a hung disk or a VM being
 * migrated does. Java cannot send those signals itself.
 */
final class Signals {

	private Signals() {
	}

	static void freeze(long pid) throws InterruptedException {
		send("STOP", pid);
	}

	static void thaw(long pid) throws InterruptedException {
		send("CONT", pid);
	}

	private static void send(String signal, long pid) throws InterruptedException {
		try {
			// The shell's own kill: every machine has a shell, not every one the procps
			// binary.
			Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " \"$1\"", "sh", Long.toString(pid))
				.redirectErrorStream(true)
				.start();
			if (!kill.waitFor(5, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				kill.destroyForcibly();
				throw new IllegalStateException("kill -" + signal + " " + pid + " failed: "
						+ new String(kill.getInputStream().readAllBytes()).strip());
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot run kill -" + signal + " " + pid, ex);
		}
	}

}
