package io.zonepay.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Starts calls on a fixed schedule whatever the answers (an open loop), so a slow answer
 * never delays the next call and a stall is not hidden. At most {@code maxInFlight} calls
 * are outstanding; a call due beyond that is dropped and counted: the mark of a saturated
 * system.
 */
final class FixedRate {

	private FixedRate() {
	}

	/**
	 * Runs {@code rate} calls a second for {@code duration}, then waits up to
	 * {@code drain} for the last answers.
	 * @param call starts call {@code n}, due at {@code intendedNanos}
	 * ({@link System#nanoTime()}); answers a stage that completes once the answer is
	 * recorded, or null when there is nothing to call
	 */
	static Run run(int rate, Duration duration, int maxInFlight, Duration drain, Call call)
			throws InterruptedException {
		Semaphore inFlight = new Semaphore(maxInFlight);
		AtomicLong scheduled = new AtomicLong();
		AtomicInteger dropped = new AtomicInteger();
		long total = duration.toSeconds() * rate;
		long period = TimeUnit.SECONDS.toNanos(1) / rate;
		long started = System.nanoTime();
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		ticker.scheduleAtFixedRate(() -> {
			long n = scheduled.getAndIncrement();
			if (n >= total) {
				return;
			}
			if (!inFlight.tryAcquire()) {
				dropped.incrementAndGet();
				return;
			}
			CompletableFuture<?> answered = call.start(n, started + n * period);
			if (answered == null) {
				inFlight.release();
			}
			else {
				answered.whenComplete((result, failure) -> inFlight.release());
			}
		}, 0, period, TimeUnit.NANOSECONDS);
		while (scheduled.get() < total) {
			Thread.sleep(20);
		}
		ticker.shutdownNow();
		if (inFlight.tryAcquire(maxInFlight, drain.toMillis(), TimeUnit.MILLISECONDS)) {
			inFlight.release(maxInFlight);
		}
		return new Run((System.nanoTime() - started) / 1e9, dropped.get());
	}

	@FunctionalInterface
	interface Call {

		@Nullable CompletableFuture<?> start(long n, long intendedNanos);

	}

	/** How long a run took, its last answers included, and how many calls it dropped. */
	record Run(double seconds, int dropped) {
	}

}
