package io.zonepay.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

/**
 * What one timed run of a load measured: the calls that succeeded, its length, the
 * failures by kind, the calls never sent, the latencies and the CPU each process group
 * used.
 */
record RunResult(int ok, double seconds, Map<String, AtomicInteger> errors, int dropped, Histogram latencies,
		Map<String, Double> cpu) {

	double perSecond() {
		return ok / seconds;
	}

	int failed() {
		return errors.values().stream().mapToInt(AtomicInteger::get).sum() + dropped;
	}

	/**
	 * Two runs of one kind as one: calls, time, failures, latencies and CPU summed;
	 * neither run is changed.
	 */
	RunResult plus(RunResult other) {
		Map<String, AtomicInteger> allErrors = new LinkedHashMap<>();
		errors.forEach((error, count) -> allErrors.put(error, new AtomicInteger(count.get())));
		other.errors.forEach(
				(error, count) -> allErrors.computeIfAbsent(error, key -> new AtomicInteger()).addAndGet(count.get()));
		Histogram allLatencies = latencies.copy();
		allLatencies.add(other.latencies);
		Map<String, Double> allCpu = new TreeMap<>(cpu);
		other.cpu.forEach((group, ms) -> allCpu.merge(group, ms, Double::sum));
		return new RunResult(ok + other.ok, seconds + other.seconds, allErrors, dropped + other.dropped, allLatencies,
				allCpu);
	}

}
