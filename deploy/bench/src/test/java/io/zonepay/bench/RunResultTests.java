package io.zonepay.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunResultTests {

	@Test
	void twoHalvesAddUpToOneRunAndLeaveBothHalvesAsTheyWere() {
		RunResult first = run(30, 15.0, Map.of("HTTP 503", 4), 10, Map.of("machine", 300.0, "rz1", 60.0));
		RunResult second = run(20, 15.0, Map.of("HTTP 503", 1, "FAILED", 2), 30, Map.of("machine", 200.0));

		RunResult both = first.plus(second);

		assertThat(both.ok()).isEqualTo(50);
		assertThat(both.perSecond()).isEqualTo(50 / 30.0);
		assertThat(both.failed()).isEqualTo(7);
		assertThat(both.latencies().getTotalCount()).isEqualTo(50);
		assertThat(both.latencies().getMaxValue()).isEqualTo(30);
		assertThat(both.cpu()).containsEntry("machine", 500.0).containsEntry("rz1", 60.0);
		assertThat(first.errors().get("HTTP 503").get()).isEqualTo(4);
		assertThat(first.latencies().getTotalCount()).isEqualTo(30);
	}

	private static RunResult run(int ok, double seconds, Map<String, Integer> errors, long latency,
			Map<String, Double> cpu) {
		Map<String, AtomicInteger> counted = new TreeMap<>();
		errors.forEach((error, count) -> counted.put(error, new AtomicInteger(count)));
		Histogram latencies = new Histogram(3);
		latencies.recordValueWithCount(latency, ok);
		return new RunResult(ok, seconds, counted, 0, latencies, new TreeMap<>(cpu));
	}

}
