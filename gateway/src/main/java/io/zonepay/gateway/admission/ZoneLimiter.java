package io.zonepay.gateway.admission;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.limit.WindowedLimit;
import com.netflix.concurrency.limits.limit.window.PercentileSampleWindowFactory;

import org.jspecify.annotations.Nullable;

/**
 * One zone's concurrency limit at this gateway and the requests in flight under it. The
 * limit is an AIMD ({@link ZoneLimit}) over Netflix's windowed 90th-percentile latency;
 * the admission by priority class is ours, since the library's partitioned limiter
 * guarantees each partition a share rather than refusing the lowest first.
 */
final class ZoneLimiter {

	/**
	 * The fewest answers a window needs to count (the library's least); it drops a window
	 * with fewer, so windows are long enough for a zone that sees a few dozen requests a
	 * second at one gateway.
	 */
	private static final int SAMPLES_PER_WINDOW = 10;

	private final Limit limit;

	private final AtomicInteger inflight = new AtomicInteger();

	private final LongSupplier nanoTime;

	ZoneLimiter(AdmissionProperties properties) {
		this(properties, System::nanoTime);
	}

	ZoneLimiter(AdmissionProperties properties, LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
		long window = properties.window().toNanos();
		this.limit = WindowedLimit.newBuilder()
			.minWindowTime(window, TimeUnit.NANOSECONDS)
			.maxWindowTime(window, TimeUnit.NANOSECONDS)
			.windowSize(SAMPLES_PER_WINDOW)
			.sampleWindowFactory(PercentileSampleWindowFactory.of(0.9, 1_000))
			.build(new ZoneLimit(properties));
	}

	/**
	 * A permit to send a request of the class, or {@code null} when the requests in
	 * flight already fill the class's share of the limit.
	 */
	@Nullable Permit tryAcquire(PriorityClass priority) {
		int allowed = priority.allowedUnder(limit.getLimit());
		while (true) {
			int now = inflight.get();
			if (now >= allowed) {
				return null;
			}
			if (inflight.compareAndSet(now, now + 1)) {
				return new Permit(now + 1, nanoTime.getAsLong());
			}
		}
	}

	int limit() {
		return limit.getLimit();
	}

	int inflight() {
		return inflight.get();
	}

	/** One admitted request; whichever of its outcomes comes first releases it. */
	final class Permit {

		private final int inflightAtStart;

		private final long start;

		private final AtomicBoolean released = new AtomicBoolean();

		private Permit(int inflightAtStart, long start) {
			this.inflightAtStart = inflightAtStart;
			this.start = start;
		}

		/** The zone answered: its latency is a sample of how full it is. */
		void answered() {
			release(false, true);
		}

		/** The zone shed it or did not answer in time: the limit backs off. */
		void dropped() {
			release(true, true);
		}

		/**
		 * It says nothing about the zone's load (the client left, the zone could not be
		 * reached: the breakers judge that).
		 */
		void ignored() {
			release(false, false);
		}

		private void release(boolean drop, boolean sample) {
			if (released.compareAndSet(false, true)) {
				inflight.decrementAndGet();
				if (sample) {
					limit.onSample(start, nanoTime.getAsLong() - start, inflightAtStart, drop);
				}
			}
		}

	}

}
