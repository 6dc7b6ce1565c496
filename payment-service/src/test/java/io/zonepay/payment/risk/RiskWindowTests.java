package io.zonepay.payment.risk;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskWindowTests {

	private static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");

	@Test
	void sumsWhatWasAddedWithinTheWindowToThePrecisionOfABucket() {
		RiskWindow minute = RiskWindow.of(12, 5).add(T0, 1).add(T0.plusSeconds(4), 1).add(T0.plusSeconds(30), 1);

		assertThat(minute.sum(T0.plusSeconds(30))).isEqualTo(3);
		assertThat(minute.sum(T0.plusSeconds(59))).isEqualTo(3);
		assertThat(minute.sum(T0.plusSeconds(60))).as("the first bucket has left the window").isEqualTo(1);
		assertThat(minute.sum(T0.plusSeconds(90))).isZero();
	}

	@Test
	void aWindowLongIdleStartsAfresh() {
		RiskWindow minute = RiskWindow.of(12, 5).add(T0, 7);

		RiskWindow later = minute.add(T0.plusSeconds(3_600), 2);

		assertThat(later.sum(T0.plusSeconds(3_600))).isEqualTo(2);
	}

	@Test
	void aClockALittleBehindCountsInTheNewestBucket() {
		RiskWindow minute = RiskWindow.of(12, 5).add(T0.plusSeconds(20), 1);

		RiskWindow behind = minute.add(T0.plusSeconds(12), 1);

		assertThat(behind.sum(T0.plusSeconds(20))).isEqualTo(2);
		assertThat(behind.head()).isEqualTo(minute.head());
	}

	@Test
	void addingLeavesTheWindowItWasAddedToAsItWas() {
		RiskWindow before = RiskWindow.of(12, 5).add(T0, 1);

		before.add(T0, 5);

		assertThat(before.sum(T0)).isEqualTo(1);
	}

}
