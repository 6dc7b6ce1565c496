package io.zonepay.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * Freezes a process for a set time (SIGSTOP), then thaws it (SIGCONT), under load.
 * Frozen, an RZone answers nothing but is not dead: its supervisor must tell it from a
 * busy zone, fail it over, and fence it so that once thawed it writes nothing for the
 * shards it lost. Frozen, the Kafka broker stalls every producer and consumer at once.
 */
final class Freeze implements Disruption {

	private final String process;

	private final Duration hold;

	private final boolean movesShards;

	private final Installation installation;

	private final @Nullable ZoneRestore restore;

	private final CountDownLatch thawed = new CountDownLatch(1);

	private volatile long pid;

	/**
	 * @param restore how an RZone is put back (UP, its shards home); null for the broker,
	 * which only needs thawing
	 */
	Freeze(String process, Duration hold, Installation installation, @Nullable ZoneRestore restore) {
		this.process = process;
		this.hold = hold;
		this.movesShards = restore != null;
		this.installation = installation;
		this.restore = restore;
	}

	@Override
	public String zone() {
		return process;
	}

	@Override
	public boolean movesShards() {
		return movesShards;
	}

	@Override
	public String apply() throws InterruptedException {
		pid = pid();
		Signals.freeze(pid);
		Thread.ofVirtual().name("thaw-" + process).start(() -> {
			try {
				Thread.sleep(hold.toMillis());
			}
			catch (InterruptedException ex) {
				// Thawed at once: a frozen process must never be left behind.
			}
			thaw();
		});
		return process + " frozen with SIGSTOP (pid " + pid + ") for " + hold.toSeconds()
				+ " s, then thawed with SIGCONT";
	}

	private void thaw() {
		try {
			Signals.thaw(pid);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IllegalStateException ex) {
			System.out.println("Could not thaw " + process + ": " + ex.getMessage() + "; by hand: kill -CONT " + pid);
		}
		finally {
			thawed.countDown();
		}
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		if (!thawed.await(hold.toSeconds() + 10, TimeUnit.SECONDS)) {
			thaw();
		}
		if (restore == null) {
			return process + " thawed";
		}
		return process + " thawed; " + restore.upAndHome(process, original, Instant.now());
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return "kill -CONT " + pid
				+ (restore == null ? "" : ", then " + restore.manual(process, original.shardsOf(process)));
	}

	private long pid() {
		return RunDirectory.current(installation.stateDirectory())
			.map(run -> run.latest().get(process))
			.filter(found -> ProcessHandle.of(found).map(ProcessHandle::isAlive).orElse(false))
			.orElseThrow(() -> new IllegalStateException(process + " is not running"));
	}

}
