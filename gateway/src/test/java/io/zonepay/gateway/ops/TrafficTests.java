package io.zonepay.gateway.ops;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.gateway.admission.PriorityClass;
import io.zonepay.gateway.admission.ZoneLimiters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging the traffic of the gateways of both cities. */
class TrafficTests {

	private static final long T = 1_763_000_000L;

	private final AtomicLong hzClock = new AtomicLong(T);

	private final AtomicLong shClock = new AtomicLong(T);

	private final TrafficHistory hz = new TrafficHistory(hzClock::get);

	private final TrafficHistory sh = new TrafficHistory(shClock::get);

	@Test
	void mergingAddsTheGatewaysCountsSecondBySecondAndTakesTheHigherP99() {
		hz.record("rz1", 201, 10_000_000, true, null);
		hz.record("rz1", 503, 1_000_000, false, PriorityClass.BACKGROUND);
		sh.record("rz1", 201, 40_000_000, true, null);
		sh.record("rz1", 500, 40_000_000, false, null);
		sh.record("rz3", 200, 5_000_000, false, null);
		hzClock.incrementAndGet();
		shClock.incrementAndGet();

		Traffic merged = Traffic.merge(snapshot(hz, "hz"), List.of(snapshot(sh, "sh")));

		assertThat(merged.gateways()).containsExactly("hz", "sh");
		assertThat(merged.from()).isEqualTo(T - 299);
		assertThat(merged.to()).isEqualTo(T);
		ZoneSeries rz1 = merged.zones().get("rz1");
		assertThat(rz1.requests()[299]).isEqualTo(4);
		assertThat(rz1.payments()[299]).isEqualTo(2);
		assertThat(rz1.errors()[299]).as("sh's 500 from the zone, not hz's shed").isEqualTo(1);
		assertThat(rz1.sheds().get("background")[299]).isEqualTo(1);
		assertThat(rz1.p99Ms()[299]).as("the higher gateway's").isBetween(39.0, 41.0);
		assertThat(merged.zones()).containsOnlyKeys("rz1", "rz3");
		assertThat(merged.total().requests()[299]).isEqualTo(5);
		assertThat(merged.total().payments()[299]).isEqualTo(2);
	}

	@Test
	void aPeerWhoseClockIsASecondAheadHasItsSecondsPlacedByTheirTime() {
		sh.record("rz1", 200, 1_000_000, false, null);
		hzClock.set(T + 1);
		shClock.set(T + 2);

		Traffic merged = Traffic.merge(snapshot(hz, "hz"), List.of(snapshot(sh, "sh")));

		assertThat(merged.to()).isEqualTo(T);
		assertThat(merged.zones().get("rz1").requests()).hasSize(300);
		assertThat(merged.zones().get("rz1").requests()[299]).isEqualTo(1);
	}

	@Test
	void theGatewaysLimitsAndRequestsInFlightAddUp() {
		Traffic hzTraffic = hz.snapshot("hz", null, Map.of("rz1", new ZoneLimiters.Level(20, 5)));
		Traffic shTraffic = sh.snapshot("sh", null,
				Map.of("rz1", new ZoneLimiters.Level(30, 15), "rz3", new ZoneLimiters.Level(8, 1)));

		Traffic merged = Traffic.merge(hzTraffic, List.of(shTraffic));

		assertThat(merged.limits()).containsEntry("rz1", new ZoneLimiters.Level(50, 20))
			.containsEntry("rz3", new ZoneLimiters.Level(8, 1));
		assertThat(merged.only(List.of("rz3")).limits()).containsOnlyKeys("rz3");
	}

	@Test
	void aPeersAnswerWithSeriesOfTheWrongLengthIsNotMerged() {
		ZoneSeries threeSeconds = ZoneSeries.empty(3);

		assertThat(new Traffic(List.of("sh"), T - 9, T, Map.of("rz1", threeSeconds), Map.of()).wellFormed()).isFalse();
		assertThat(new Traffic(List.of("sh"), T - 2, T, Map.of("rz1", threeSeconds), Map.of()).wellFormed()).isTrue();
	}

	private static Traffic snapshot(TrafficHistory history, String city) {
		return history.snapshot(city, null, Map.of());
	}

}
