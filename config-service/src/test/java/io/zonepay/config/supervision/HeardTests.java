package io.zonepay.config.supervision;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's check from what its liveness watch heard. */
class HeardTests {

	static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	static final Duration TIMEOUT = Duration.ofSeconds(2);

	@Test
	void answersWhileTheServiceSaidItWasLiveWithinTheTimeout() {
		assertThat(Heard.NOTHING.saidLive(NOW.minus(TIMEOUT)).check(NOW, TIMEOUT)).isEqualTo(Check.ANSWERED);
		assertThat(Heard.NOTHING.saidLive(NOW.minus(TIMEOUT).minusMillis(1)).check(NOW, TIMEOUT))
			.as("open and silent: frozen, or only busy")
			.isEqualTo(Check.SLOW);
		assertThat(Heard.NOTHING.check(NOW, TIMEOUT)).as("not heard yet").isEqualTo(Check.SLOW);
	}

	@Test
	void whatWentWrongCountsUntilTheServiceSaysItIsLiveAgain() {
		Heard broken = Heard.NOTHING.saidLive(NOW).wentWrong(Check.REFUSED);

		assertThat(broken.check(NOW, TIMEOUT)).as("however recent its last line").isEqualTo(Check.REFUSED);
		assertThat(broken.wentWrong(Check.SLOW).check(NOW, TIMEOUT)).isEqualTo(Check.SLOW);
		assertThat(broken.saidLive(NOW).check(NOW, TIMEOUT)).isEqualTo(Check.ANSWERED);
	}

	@Test
	void aServiceWithoutAWatchIsPolledUntilItSpeaksOnOne() {
		Heard polled = Heard.NOTHING.wentWrong(Check.REFUSED).noWatch();

		assertThat(polled.unwatchable()).isTrue();
		assertThat(polled.trouble()).isNull();
		assertThat(polled.saidLive(NOW).unwatchable()).isFalse();
	}

}
