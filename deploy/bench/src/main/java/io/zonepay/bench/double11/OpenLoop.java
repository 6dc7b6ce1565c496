package io.zonepay.bench.double11;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleUnaryOperator;

/**
 * Starts operations on schedule whatever the answers, at a rate that may change every
 * moment (an open loop: a slow platform gets no relief from its clients, as at midnight).
 * At most {@link #MAX_IN_FLIGHT} operations are outstanding; one due beyond that is
 * counted as a {@code CLIENT_BOUND} failure, the mark of a platform that stopped
 * answering.
 */
final class OpenLoop {

	static final int MAX_IN_FLIGHT = 4_000;

	private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	/** How long the last operations may take to end after the load stops. */
	private static final Duration DRAIN = Http.TIMEOUT.multipliedBy(3);

	private OpenLoop() {
	}

	/**
	 * Runs for the tally's seconds, starting operations at {@code rate} per second (a
	 * function of seconds since the start), then waits for the last ones to end.
	 */
	static void run(Tally tally, long origin, DoubleUnaryOperator rate, Mix mix, Operations operations)
			throws InterruptedException {
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		long end = origin + TimeUnit.SECONDS.toNanos(tally.seconds());
		ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
		double[] due = { 0 };
		long[] started = { 0 };
		long[] last = { origin };
		ticker.scheduleAtFixedRate(() -> {
			long now = Math.min(System.nanoTime(), end);
			double at = (now - origin) / 1e9;
			due[0] += rate.applyAsDouble(at) * (now - last[0]) / 1e9;
			last[0] = now;
			int second = tally.secondOf(now);
			while (started[0] < (long) due[0]) {
				started[0]++;
				if (!inFlight.tryAcquire()) {
					tally.error(second, "CLIENT_BOUND");
					continue;
				}
				CompletableFuture<Void> ended = operations.start(mix.next(), tally, second);
				ended.whenComplete((done, failure) -> inFlight.release());
			}
		}, Math.max(0, origin - System.nanoTime()), TICK_NANOS, TimeUnit.NANOSECONDS);
		long wait = end - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
		ticker.shutdownNow();
		ticker.awaitTermination(1, TimeUnit.SECONDS);
		if (inFlight.tryAcquire(MAX_IN_FLIGHT, DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
			inFlight.release(MAX_IN_FLIGHT);
		}
	}

}
