package io.zonepay.gateway.admission;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneLimitersTests {

	private final Map<String, Long> capacity = new ConcurrentHashMap<>();

	private final ZoneLimiters limiters = new ZoneLimiters(new AdmissionProperties(true, 20, 4, 200,
			Duration.ofMillis(150), 0.9, Duration.ofMillis(500), Duration.ofSeconds(1)), new SimpleMeterRegistry(),
			zone -> capacity.getOrDefault(zone, 0L));

	@Test
	void anUnmeasuredZoneStartsAtTheConfiguredLimit() {
		assertThat(limiters.of("rz1").limit()).isEqualTo(20);
	}

	@Test
	void aMeasuredZoneStartsAtTwiceWhatItsCapacityKeepsInFlightAtTheLatencyTarget() {
		capacity.put("rz1", 100L);

		assertThat(limiters.of("rz1").limit()).as("twice 100/s for 150 ms").isEqualTo(30);
		assertThat(limiters.sizedFor(100).maxLimit()).isEqualTo(120);
		assertThat(limiters.sizedFor(10).initialLimit()).as("never below the minimum").isEqualTo(4);
	}

	@Test
	void aNewMeasurementResizesTheZoneAndKeepsTheSameLimiterOtherwise() {
		ZoneLimiter unmeasured = limiters.of("rz1");
		assertThat(limiters.of("rz1")).isSameAs(unmeasured);

		capacity.put("rz1", 200L);

		assertThat(limiters.of("rz1")).isNotSameAs(unmeasured);
		assertThat(limiters.levels().get("rz1").limit()).isEqualTo(60);
	}

}
