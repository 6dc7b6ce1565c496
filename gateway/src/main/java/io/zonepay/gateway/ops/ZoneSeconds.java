package io.zonepay.gateway.ops;

import java.util.Arrays;
import java.util.function.LongSupplier;

import io.zonepay.gateway.admission.PriorityClass;
import org.HdrHistogram.Histogram;

import org.jspecify.annotations.Nullable;

/**
 * One zone's last five minutes at this gateway, a slot per second in a ring of primitive
 * arrays: a slot is cleared when its second comes round again, so the memory is fixed
 * (about 12 KB, and one latency histogram of about 20 KB) and recording allocates
 * nothing. Only the second still filling has a histogram; its 99th percentile is kept as
 * a number when the next second starts.
 *
 * <p>
 * One lock per zone: a record is a few increments and a histogram entry (well under a
 * microsecond), so even thousands of requests a second hold it a fraction of a percent of
 * the time, and a reader sees each second whole.
 */
final class ZoneSeconds {

	/** The complete seconds kept. */
	static final int SECONDS = 300;

	/** And the one still filling. */
	private static final int SLOTS = SECONDS + 1;

	private static final PriorityClass[] CLASSES = PriorityClass.values();

	/** Latencies above a minute are counted as a minute. */
	private static final long MAX_MICROS = 60_000_000L;

	private final LongSupplier clock;

	private final long[] seconds = new long[SLOTS];

	private final int[] requests = new int[SLOTS];

	private final int[] payments = new int[SLOTS];

	private final int[] errors = new int[SLOTS];

	private final int[] sheds = new int[SLOTS * CLASSES.length];

	private final float[] p99Millis = new float[SLOTS];

	private final Histogram latency = new Histogram(MAX_MICROS, 2);

	private long latencySecond = -1;

	/**
	 * @param clock the current epoch second
	 */
	ZoneSeconds(LongSupplier clock) {
		this.clock = clock;
		Arrays.fill(seconds, -1);
	}

	/**
	 * One request this gateway routed to the zone, at the current second.
	 * @param status the answer's status
	 * @param micros how long it took
	 * @param payment a payment the zone took (a {@code POST /api/payments} answered 2xx)
	 * @param shed the class of a request this gateway shed itself: counted as a shed of
	 * that class, neither as a zone error nor in the zone's latency
	 */
	synchronized void record(int status, long micros, boolean payment, @Nullable PriorityClass shed) {
		// The clock is read under the lock, so the seconds recorded never go backwards
		// between two threads.
		long second = clock.getAsLong();
		int slot = slot(second);
		requests[slot]++;
		if (shed != null) {
			sheds[slot * CLASSES.length + shed.ordinal()]++;
			return;
		}
		if (status >= 500) {
			errors[slot]++;
		}
		if (payment) {
			payments[slot]++;
		}
		if (second != latencySecond) {
			if (second < latencySecond) {
				// The wall clock stepped back: the sample has no second to go to.
				return;
			}
			freezeLatency();
			latency.reset();
			latencySecond = second;
		}
		latency.recordValue(Math.clamp(micros, 0, MAX_MICROS));
	}

	/** The requests of the seconds from {@code from} to {@code to}, both included. */
	synchronized long requests(long from, long to) {
		long sum = 0;
		for (long second = from; second <= to; second++) {
			int slot = (int) Math.floorMod(second, (long) SLOTS);
			if (seconds[slot] == second) {
				sum += requests[slot];
			}
		}
		return sum;
	}

	/**
	 * The seconds from {@code from} to {@code to}, both included; seconds without
	 * traffic, or older than the ring, are zero.
	 */
	synchronized ZoneSeries series(long from, long to) {
		ZoneSeries series = ZoneSeries.empty((int) (to - from + 1));
		for (long second = from; second <= to; second++) {
			int slot = (int) Math.floorMod(second, (long) SLOTS);
			if (seconds[slot] != second) {
				continue;
			}
			int i = (int) (second - from);
			series.requests()[i] = requests[slot];
			series.payments()[i] = payments[slot];
			series.errors()[i] = errors[slot];
			double p99 = (second == latencySecond) ? latency.getValueAtPercentile(99) / 1_000.0 : p99Millis[slot];
			series.p99Ms()[i] = Math.round(p99 * 100) / 100.0;
			for (PriorityClass priority : CLASSES) {
				series.sheds().get(priority.tag())[i] = sheds[slot * CLASSES.length + priority.ordinal()];
			}
		}
		return series;
	}

	private int slot(long second) {
		int slot = (int) Math.floorMod(second, (long) SLOTS);
		if (seconds[slot] != second) {
			seconds[slot] = second;
			requests[slot] = 0;
			payments[slot] = 0;
			errors[slot] = 0;
			p99Millis[slot] = 0;
			for (int i = 0; i < CLASSES.length; i++) {
				sheds[slot * CLASSES.length + i] = 0;
			}
		}
		return slot;
	}

	/** Keeps the 99th percentile of the second the histogram held, before it is reset. */
	private void freezeLatency() {
		if (latencySecond < 0) {
			return;
		}
		int slot = (int) Math.floorMod(latencySecond, (long) SLOTS);
		if (seconds[slot] == latencySecond) {
			p99Millis[slot] = (float) (latency.getValueAtPercentile(99) / 1_000.0);
		}
	}

}
