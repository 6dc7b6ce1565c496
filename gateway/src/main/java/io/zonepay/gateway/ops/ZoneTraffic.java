package io.zonepay.gateway.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.HdrHistogram.Histogram;

import org.springframework.stereotype.Component;

/**
 * What this gateway sent each zone over the last ten seconds, in one-second slots:
 * requests, errors (5xx, its own 503s for the zone included) and latency. Kept in memory
 * and cheap to record; read by the operations page.
 */
@Component
public class ZoneTraffic {

	static final int SECONDS = 10;

	private final Map<String, Window> zones = new ConcurrentHashMap<>();

	public void record(String zone, int status, long nanos) {
		zones.computeIfAbsent(zone, ignored -> new Window()).record(nowSecond(), status >= 500, nanos / 1_000);
	}

	/**
	 * Requests per second, error rate and p99 (ms) of a zone over the last ten full
	 * seconds.
	 */
	Summary summary(String zone) {
		Window window = zones.get(zone);
		return window == null ? new Summary(0, 0, 0) : window.summary(nowSecond());
	}

	private static long nowSecond() {
		return System.currentTimeMillis() / 1000;
	}

	record Summary(double requestsPerSecond, double errorRate, double p99Millis) {
	}

	/**
	 * A ring of one-second slots; a slot is cleared when its second comes round again.
	 */
	private static final class Window {

		private final long[] seconds = new long[SECONDS + 1];

		private final long[] requests = new long[SECONDS + 1];

		private final long[] errors = new long[SECONDS + 1];

		private final Histogram[] latencies = new Histogram[SECONDS + 1];

		Window() {
			for (int i = 0; i < latencies.length; i++) {
				latencies[i] = new Histogram(60_000_000L, 2);
			}
		}

		synchronized void record(long second, boolean error, long micros) {
			int slot = slot(second);
			requests[slot]++;
			if (error) {
				errors[slot]++;
			}
			latencies[slot].recordValue(Math.min(micros, 60_000_000L));
		}

		/** The last ten seconds before the current one, which is still filling. */
		synchronized Summary summary(long now) {
			long count = 0;
			long failed = 0;
			Histogram merged = new Histogram(60_000_000L, 2);
			for (long second = now - SECONDS; second < now; second++) {
				int slot = (int) (second % seconds.length);
				if (seconds[slot] == second) {
					count += requests[slot];
					failed += errors[slot];
					merged.add(latencies[slot]);
				}
			}
			return new Summary(count / (double) SECONDS, count == 0 ? 0 : failed / (double) count,
					count == 0 ? 0 : merged.getValueAtPercentile(99) / 1_000.0);
		}

		private int slot(long second) {
			int slot = (int) (second % seconds.length);
			if (seconds[slot] != second) {
				seconds[slot] = second;
				requests[slot] = 0;
				errors[slot] = 0;
				latencies[slot].reset();
			}
			return slot;
		}

	}

}
