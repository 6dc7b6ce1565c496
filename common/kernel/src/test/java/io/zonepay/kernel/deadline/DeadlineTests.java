package io.zonepay.kernel.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineTests {

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void travelsAsEpochMillisecondsAndIgnoresAHeaderThatIsNotOne() {
		Deadline deadline = Deadline.in(Duration.ofSeconds(2), clock);
		assertThat(deadline.header()).isEqualTo(Long.toString(NOW.toEpochMilli() + 2000));
		assertThat(Deadline.parse(deadline.header())).contains(deadline);
		assertThat(Deadline.parse(" 1000 ")).contains(new Deadline(Instant.ofEpochMilli(1000)));
		assertThat(Deadline.parse(null)).isEmpty();
		assertThat(Deadline.parse("")).isEmpty();
		assertThat(Deadline.parse("soon")).isEmpty();
		assertThat(Deadline.parse("1.5")).isEmpty();
	}

	@Test
	void hasPassedFromItsMomentOn() {
		assertThat(new Deadline(NOW.plusMillis(1)).passed(clock)).isFalse();
		assertThat(new Deadline(NOW).passed(clock)).isTrue();
		assertThat(new Deadline(NOW.minusSeconds(5)).passed(clock)).isTrue();
	}

	@Test
	void aCallMayNotOutliveTheRequestItServes() {
		Deadline call = Deadline.in(Duration.ofSeconds(2), clock);
		Deadline request = Deadline.in(Duration.ofMillis(500), clock);
		assertThat(call.earlier(request)).isEqualTo(request);
		assertThat(request.earlier(call)).isEqualTo(request);
		assertThat(call.earlier(null)).isEqualTo(call);
	}

}
