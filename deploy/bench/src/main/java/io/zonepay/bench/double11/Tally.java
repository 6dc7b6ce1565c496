package io.zonepay.bench.double11;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;

import io.zonepay.bench.report.RunRecord;
import org.HdrHistogram.Histogram;

/**
 * Every second of a load, as it happens: operations offered, admitted, succeeded and shed
 * by class (counted in the second the operation was due), failures by code, and the
 * latency of admitted payments and the requests each zone answered (counted in the second
 * the answer came).
 */
final class Tally {

	/**
	 * The slowest latency recorded, in microseconds: the client's own timeout and more.
	 */
	private static final long HIGHEST_MICROS = 60_000_000L;

	static final String ALL = "all";

	private final int seconds;

	private final long origin;

	private final AtomicIntegerArray offered;

	private final AtomicIntegerArray admitted;

	private final AtomicIntegerArray succeeded;

	private final AtomicIntegerArray shed;

	private final List<Map<String, LongAdder>> errors;

	/**
	 * Sheds that may have done their work all the same
	 * ({@link Outcome.Shed#nothingDone}).
	 */
	private final LongAdder unsettled = new LongAdder();

	private final Map<String, Histogram[]> latency = new LinkedHashMap<>();

	private final Map<String, AtomicIntegerArray> zoneRequests = new LinkedHashMap<>();

	/**
	 * @param seconds how many seconds it records; what comes later counts in the last
	 * @param zones the zones whose answers it keeps apart
	 * @param origin second 0 ({@link System#nanoTime()})
	 */
	Tally(int seconds, List<String> zones, long origin) {
		this.seconds = seconds;
		this.origin = origin;
		int cells = seconds * Kind.CLASSES.size();
		this.offered = new AtomicIntegerArray(cells);
		this.admitted = new AtomicIntegerArray(cells);
		this.succeeded = new AtomicIntegerArray(cells);
		this.shed = new AtomicIntegerArray(cells);
		this.errors = IntStream.range(0, seconds)
			.mapToObj(second -> (Map<String, LongAdder>) new ConcurrentHashMap<String, LongAdder>())
			.toList();
		for (String zone : zones) {
			latency.put(zone, histograms(seconds));
			zoneRequests.put(zone, new AtomicIntegerArray(seconds));
		}
		latency.put(ALL, histograms(seconds));
	}

	int seconds() {
		return seconds;
	}

	/** The second a moment falls in, from 0 to the last. */
	int secondOf(long nanos) {
		long second = (nanos - origin) / 1_000_000_000L;
		return (int) Math.max(0, Math.min(seconds - 1, second));
	}

	void offered(int second, Kind kind) {
		offered.incrementAndGet(cell(second, kind));
	}

	/** How an operation due in the second ended. */
	void ended(int second, Kind kind, Outcome outcome) {
		switch (outcome) {
			case Outcome.Succeeded ignored -> {
				admitted.incrementAndGet(cell(second, kind));
				succeeded.incrementAndGet(cell(second, kind));
			}
			case Outcome.Shed refused -> {
				shed.incrementAndGet(cell(second, kind));
				if (!refused.nothingDone()) {
					unsettled.increment();
				}
			}
			case Outcome.Failed failed -> {
				if (failed.reachedZone()) {
					admitted.incrementAndGet(cell(second, kind));
				}
				error(second, failed.code());
			}
		}
	}

	/** How many sheds may have done their work all the same. */
	long unsettled() {
		return unsettled.sum();
	}

	void error(int second, String code) {
		errors.get(second).computeIfAbsent(code, ignored -> new LongAdder()).increment();
	}

	/** A payment a zone answered, and how long it took. */
	void payment(String zone, long answeredNanos, long micros) {
		int second = secondOf(answeredNanos);
		long value = Math.max(1, Math.min(HIGHEST_MICROS, micros));
		record(latency.get(zone), second, value);
		record(latency.get(ALL), second, value);
	}

	/** A request a zone answered (any answer but a gateway's shed). */
	void answered(String zone, long answeredNanos) {
		AtomicIntegerArray requests = zoneRequests.get(zone);
		if (requests != null) {
			requests.incrementAndGet(secondOf(answeredNanos));
		}
	}

	/** Totals over seconds {@code [from, to)}. */
	Window window(int from, int to) {
		long[] offeredByClass = new long[Kind.CLASSES.size()];
		long[] succeededByClass = new long[Kind.CLASSES.size()];
		long[] shedByClass = new long[Kind.CLASSES.size()];
		long errorCount = 0;
		for (int second = from; second < to; second++) {
			for (int c = 0; c < Kind.CLASSES.size(); c++) {
				int cell = second * Kind.CLASSES.size() + c;
				offeredByClass[c] += offered.get(cell);
				succeededByClass[c] += succeeded.get(cell);
				shedByClass[c] += shed.get(cell);
			}
			errorCount += errors.get(second).values().stream().mapToLong(LongAdder::sum).sum();
		}
		Map<String, Double> zonesPerSecond = new TreeMap<>();
		zoneRequests.forEach((zone, requests) -> {
			long total = 0;
			for (int second = from; second < to; second++) {
				total += requests.get(second);
			}
			zonesPerSecond.put(zone, total / (double) (to - from));
		});
		return new Window(to - from, offeredByClass, succeededByClass, shedByClass, errorCount, merged(ALL, from, to),
				zonesPerSecond);
	}

	/** Failures other than sheds over seconds {@code [from, to)}, by code. */
	Map<String, Long> errorsOver(int from, int to) {
		Map<String, Long> total = new TreeMap<>();
		for (int second = from; second < to; second++) {
			errors.get(second).forEach((code, count) -> total.merge(code, count.sum(), Long::sum));
		}
		return total;
	}

	/** One second as the run record keeps it. */
	RunRecord.Second second(int t, String phase, double multiple, Map<String, Double> zoneCapacity,
			Map<String, Double> cpuMs) {
		Map<String, Integer> offeredNow = new LinkedHashMap<>();
		Map<String, Integer> admittedNow = new LinkedHashMap<>();
		Map<String, Integer> succeededNow = new LinkedHashMap<>();
		Map<String, Integer> shedNow = new LinkedHashMap<>();
		for (int c = 0; c < Kind.CLASSES.size(); c++) {
			String name = Kind.CLASSES.get(c);
			int cell = t * Kind.CLASSES.size() + c;
			offeredNow.put(name, offered.get(cell));
			admittedNow.put(name, admitted.get(cell));
			succeededNow.put(name, succeeded.get(cell));
			shedNow.put(name, shed.get(cell));
		}
		Map<String, Integer> errorsNow = new TreeMap<>();
		errors.get(t).forEach((code, count) -> errorsNow.put(code, count.intValue()));
		Map<String, RunRecord.Latency> latencyNow = new LinkedHashMap<>();
		latency.forEach((zone, histograms) -> latencyNow.put(zone, latency(histograms[t])));
		Map<String, Double> water = new TreeMap<>();
		zoneRequests.forEach((zone, requests) -> {
			double capacity = zoneCapacity.getOrDefault(zone, 0.0);
			water.put(zone, capacity <= 0 ? 0 : Math.round(requests.get(t) / capacity * 100) / 100.0);
		});
		return new RunRecord.Second(t, phase, multiple, offeredNow, admittedNow, succeededNow, shedNow, errorsNow,
				latencyNow, water, cpuMs);
	}

	Histogram merged(String zone, int from, int to) {
		Histogram merged = new Histogram(HIGHEST_MICROS, 2);
		Histogram[] histograms = latency.get(zone);
		for (int second = from; second < to; second++) {
			synchronized (histograms[second]) {
				merged.add(histograms[second]);
			}
		}
		return merged;
	}

	static RunRecord.Latency latency(Histogram histogram) {
		synchronized (histogram) {
			if (histogram.getTotalCount() == 0) {
				return new RunRecord.Latency(0, 0, 0, 0);
			}
			return new RunRecord.Latency(millis(histogram.getValueAtPercentile(50)),
					millis(histogram.getValueAtPercentile(99)), millis(histogram.getValueAtPercentile(99.9)),
					histogram.getTotalCount());
		}
	}

	private static double millis(long micros) {
		return Math.round(micros / 100.0) / 10.0;
	}

	private static void record(Histogram[] histograms, int second, long micros) {
		Histogram histogram = histograms[second];
		synchronized (histogram) {
			histogram.recordValue(micros);
		}
	}

	private int cell(int second, Kind kind) {
		return second * Kind.CLASSES.size() + kind.classIndex();
	}

	private static Histogram[] histograms(int seconds) {
		Histogram[] histograms = new Histogram[seconds];
		for (int i = 0; i < seconds; i++) {
			histograms[i] = new Histogram(HIGHEST_MICROS, 2);
		}
		return histograms;
	}

	/** Totals over some seconds. */
	record Window(int seconds, long[] offered, long[] succeeded, long[] shed, long errors, Histogram payments,
			Map<String, Double> zoneRequestsPerSecond) {

		double offeredPerSecond() {
			return sum(offered) / (double) seconds;
		}

		double goodputPerSecond() {
			return sum(succeeded) / (double) seconds;
		}

		double checkoutsPerSecond() {
			return succeeded[Kind.CHECKOUT.classIndex()] / (double) seconds;
		}

		double shedShare() {
			long all = sum(offered);
			return all == 0 ? 0 : sum(shed) / (double) all;
		}

		double paymentP99Millis() {
			return payments.getTotalCount() == 0 ? 0 : payments.getValueAtPercentile(99) / 1_000.0;
		}

		private static long sum(long[] values) {
			long total = 0;
			for (long value : values) {
				total += value;
			}
			return total;
		}

	}

}
