package io.zonepay.gateway.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zonepay.gateway.admission.PriorityClass;

/**
 * A zone's traffic second by second, as arrays of equal length (index 0 is the first
 * second of the {@link Traffic} that holds it).
 *
 * @param requests every request routed to the zone, those this gateway shed included: the
 * load offered to it
 * @param payments payments the zone took: {@code POST /api/payments} answered 2xx
 * @param errors 5xx answers of the zone, or this gateway's when it could not reach it;
 * never a shed
 * @param p99Ms the 99th percentile of the latency of the requests not shed, in
 * milliseconds
 * @param sheds the requests this gateway shed ({@code 503 OVERLOADED}), by priority class
 * ({@link PriorityClass#tag()})
 */
record ZoneSeries(long[] requests, long[] payments, long[] errors, double[] p99Ms, Map<String, long[]> sheds) {

	static ZoneSeries empty(int length) {
		Map<String, long[]> sheds = new LinkedHashMap<>();
		for (PriorityClass priority : PriorityClass.values()) {
			sheds.put(priority.tag(), new long[length]);
		}
		return new ZoneSeries(new long[length], new long[length], new long[length], new double[length], sheds);
	}

	int length() {
		return requests.length;
	}

	/** Whether every series is there and as long as the requests (a peer's answer). */
	boolean wellFormed() {
		int length = requests == null ? -1 : requests.length;
		if (length < 0 || payments == null || errors == null || p99Ms == null || sheds == null
				|| payments.length != length || errors.length != length || p99Ms.length != length) {
			return false;
		}
		return sheds.values().stream().allMatch(series -> series != null && series.length == length);
	}

	/**
	 * Adds another gateway's series, whose first second is {@code offset} seconds after
	 * this one's; the seconds outside this one's are left out. Counts add up; the 99th
	 * percentile is the higher of the two, since percentiles do not add: the merged one
	 * is at most that.
	 */
	void add(ZoneSeries other, int offset) {
		for (int i = 0; i < other.length(); i++) {
			int at = i + offset;
			if (at < 0 || at >= length()) {
				continue;
			}
			requests[at] += other.requests[i];
			payments[at] += other.payments[i];
			errors[at] += other.errors[i];
			p99Ms[at] = Math.max(p99Ms[at], other.p99Ms[i]);
		}
		other.sheds.forEach((priority, series) -> {
			long[] into = sheds.computeIfAbsent(priority, ignored -> new long[length()]);
			for (int i = 0; i < series.length; i++) {
				int at = i + offset;
				if (at >= 0 && at < into.length) {
					into[at] += series[i];
				}
			}
		});
	}

	/**
	 * The last {@code seconds} seconds summed: requests, sheds, errors, and the worst
	 * second's 99th percentile.
	 */
	Summary summary(int seconds) {
		long offered = 0;
		long failed = 0;
		long shed = 0;
		double p99 = 0;
		for (int i = Math.max(0, length() - seconds); i < length(); i++) {
			offered += requests[i];
			failed += errors[i];
			p99 = Math.max(p99, p99Ms[i]);
			for (long[] series : sheds.values()) {
				shed += series[i];
			}
		}
		long sent = offered - shed;
		return new Summary(offered / (double) seconds, shed / (double) seconds, sent <= 0 ? 0 : failed / (double) sent,
				p99);
	}

	/**
	 * @param requestsPerSecond offered to the zone, sheds included
	 * @param shedPerSecond of those, shed by the gateways
	 * @param errorRate zone errors out of the requests sent to it
	 * @param p99Millis the worst second's 99th percentile
	 */
	record Summary(double requestsPerSecond, double shedPerSecond, double errorRate, double p99Millis) {
	}

}
