package io.zonepay.gateway.ops;

import io.zonepay.gateway.admission.ZoneLimiters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WaterLevelTests {

	@Test
	void aZoneWithAMeasuredCapacityIsAsFullAsItsLoadAgainstIt() {
		WaterLevel level = WaterLevel.of(450, 500, new ZoneLimiters.Level(20, 19));

		assertThat(level.basis()).isEqualTo("capacity");
		assertThat(level.level()).isEqualTo(0.9);
		assertThat(level.requestsPerSecond()).isEqualTo(450);
		assertThat(level.capacity()).isEqualTo(500);
	}

	@Test
	void aZoneOfferedMoreThanItsCapacityIsAboveOne() {
		assertThat(WaterLevel.of(1_500, 1_000, null).level()).isEqualTo(1.5);
	}

	@Test
	void anUnmeasuredZoneIsAsFullAsItsRequestsInFlightAgainstTheLimit() {
		WaterLevel level = WaterLevel.of(450, 0, new ZoneLimiters.Level(20, 5));

		assertThat(level.basis()).isEqualTo("inflight");
		assertThat(level.level()).isEqualTo(0.25);
		assertThat(level.inflight()).isEqualTo(5);
		assertThat(level.limit()).isEqualTo(20);
	}

	@Test
	void anUnmeasuredZoneWithNoRequestYetIsEmpty() {
		WaterLevel level = WaterLevel.of(0, 0, null);

		assertThat(level.basis()).isEqualTo("inflight");
		assertThat(level.level()).isZero();
	}

}
