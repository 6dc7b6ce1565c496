package io.zonepay.gateway.ops;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.gateway.admission.PriorityClass;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrafficHistoryTests {

	private static final long T = 1_763_000_000L;

	private final AtomicLong clock = new AtomicLong(T);

	private final TrafficHistory history = new TrafficHistory(clock::get);

	@Test
	void countsEachSecondsRequestsPaymentsAndZoneErrors() {
		history.record("rz1", 201, millis(10), true, null);
		history.record("rz1", 200, millis(10), false, null);
		history.record("rz1", 502, millis(10), false, null);
		clock.incrementAndGet();
		history.record("rz1", 200, millis(10), false, null);
		clock.incrementAndGet();

		ZoneSeries rz1 = snapshot().zones().get("rz1");

		assertThat(last(rz1.requests(), 2)).containsExactly(3, 1);
		assertThat(last(rz1.payments(), 2)).containsExactly(1, 0);
		assertThat(last(rz1.errors(), 2)).containsExactly(1, 0);
	}

	@Test
	void theSecondStillFillingIsNotInTheHistory() {
		history.record("rz1", 200, millis(10), false, null);

		Traffic traffic = snapshot();

		assertThat(traffic.to()).isEqualTo(T - 1);
		assertThat(traffic.zones().get("rz1").requests()).containsOnly(0);
	}

	@Test
	void keepsTheLastFiveMinutesAndForgetsOlderSeconds() {
		history.record("rz1", 200, millis(10), false, null);
		clock.addAndGet(1);
		Traffic fresh = snapshot();
		assertThat(fresh.length()).isEqualTo(300);
		assertThat(fresh.from()).isEqualTo(T - 299);
		assertThat(last(fresh.zones().get("rz1").requests(), 1)).containsExactly(1);

		clock.addAndGet(300);
		assertThat(snapshot().zones().get("rz1").requests()).as("five minutes later").containsOnly(0);

		// The ring's slot of T comes round again: it holds the new second only.
		clock.set(T + 301);
		history.record("rz1", 200, millis(10), false, null);
		clock.incrementAndGet();
		ZoneSeries rz1 = snapshot().zones().get("rz1");
		assertThat(last(rz1.requests(), 1)).containsExactly(1);
		assertThat(Arrays.stream(rz1.requests()).sum()).isOne();
	}

	@Test
	void aShedIsCountedByItsClassNeitherAsAZoneErrorNorInTheLatency() {
		history.record("rz1", 200, millis(20), false, null);
		history.record("rz1", 503, millis(900), false, PriorityClass.READ);
		history.record("rz1", 503, millis(900), false, PriorityClass.READ);
		history.record("rz1", 503, millis(900), false, PriorityClass.CHECKOUT);
		clock.incrementAndGet();

		ZoneSeries rz1 = snapshot().zones().get("rz1");

		assertThat(last(rz1.requests(), 1)).as("the load offered, sheds included").containsExactly(4);
		assertThat(last(rz1.errors(), 1)).containsExactly(0);
		assertThat(last(rz1.sheds().get("read"), 1)).containsExactly(2);
		assertThat(last(rz1.sheds().get("checkout"), 1)).containsExactly(1);
		assertThat(last(rz1.sheds().get("background"), 1)).containsExactly(0);
		assertThat(rz1.p99Ms()[rz1.length() - 1]).isCloseTo(20, within(0.5));
		assertThat(rz1.summary(10).errorRate()).isZero();
		assertThat(rz1.summary(10).shedPerSecond()).isEqualTo(0.3);
	}

	@Test
	void theP99OfEverySecondIsKeptAfterTheNextOneBegins() {
		for (int i = 1; i <= 100; i++) {
			history.record("rz1", 200, millis(i), false, null);
		}
		clock.incrementAndGet();
		history.record("rz1", 200, millis(500), false, null);
		clock.incrementAndGet();
		history.record("rz1", 200, millis(7), false, null);
		clock.incrementAndGet();

		double[] p99 = last(snapshot().zones().get("rz1").p99Ms(), 3);

		assertThat(p99[0]).isCloseTo(99, within(1.0));
		assertThat(p99[1]).isCloseTo(500, within(5.0));
		assertThat(p99[2]).isCloseTo(7, within(0.1));
	}

	@Test
	void sinceAsksForTheLaterSecondsOnly() {
		history.record("rz1", 200, millis(10), false, null);
		clock.addAndGet(5);

		Traffic later = history.snapshot("hz", T, Map.of());

		assertThat(later.from()).isEqualTo(T + 1);
		assertThat(later.to()).isEqualTo(T + 4);
		assertThat(later.zones().get("rz1").requests()).hasSize(4).containsOnly(0);
		assertThat(history.snapshot("hz", T - 1_000, Map.of()).length()).as("no further back than the ring")
			.isEqualTo(300);
		assertThat(history.snapshot("hz", T + 10, Map.of()).length()).as("nothing after now").isZero();
	}

	@Test
	void theRequestsPerSecondOfTheLastSecondsFeedTheWaterLevel() {
		for (int second = 0; second < 5; second++) {
			for (int i = 0; i < 10 * (second + 1); i++) {
				history.record("rz1", 200, millis(1), false, null);
			}
			clock.incrementAndGet();
		}

		assertThat(history.requestsPerSecond("rz1", 5)).isEqualTo(30);
		assertThat(history.requestsPerSecond("rz1", 2)).isEqualTo(45);
		assertThat(history.requestsPerSecond("rz9", 5)).isZero();
	}

	@Test
	void saysWhichRequestWasAZonesFirst() {
		assertThat(history.record("rz1", 200, 1, false, null)).isTrue();
		assertThat(history.record("rz1", 200, 1, false, null)).isFalse();
		assertThat(history.record("rz2", 200, 1, false, null)).isTrue();
	}

	private Traffic snapshot() {
		return history.snapshot("hz", null, Map.of());
	}

	private static long millis(long millis) {
		return millis * 1_000_000;
	}

	private static long[] last(long[] series, int count) {
		return Arrays.copyOfRange(series, series.length - count, series.length);
	}

	private static double[] last(double[] series, int count) {
		return Arrays.copyOfRange(series, series.length - count, series.length);
	}

}
