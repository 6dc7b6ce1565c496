package io.zonepay.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DrillFiguresTests {

	private static final Duration KILL = Duration.ofMillis(5_000);

	private final List<Attempt> attempts = List.of(
			// Sent before the kill and answered after it: it says nothing about recovery.
			attempt(4_900, 5_100, "rz1", 201, ""), attempt(5_200, 5_210, "rz1", 502, "ZONE_CONNECTION_LOST"),
			attempt(5_300, 5_305, "rz1", 503, "ZONE_UNAVAILABLE"),
			attempt(6_000, 6_004, "rz1", 503, "ZONE_UNAVAILABLE"),
			attempt(7_000, 15_000, "rz1", Answer.NO_ANSWER, "HttpTimeoutException"),
			attempt(8_000, 8_400, "rz1", 201, ""), attempt(9_000, 9_100, "rz1", 422, "INSUFFICIENT_FUNDS"),
			attempt(5_500, 5_520, "rz2", 202, ""), attempt(5_600, 5_610, "rz3", 421, "WRONG_ZONE"));

	@Test
	void recoveryCountsFromTheKillToTheFirstSuccessOfARequestSentAfterIt() {
		assertThat(DrillFigures.recoveryTime(attempts, "rz1", KILL)).contains(Duration.ofMillis(3_400));
		assertThat(DrillFigures.recoveryTime(attempts, "rz4", KILL)).isEmpty();
	}

	@Test
	void theLastFailureIsWhenTheZonesUsersStoppedSeeingThem() {
		assertThat(DrillFigures.lastFailure(attempts, "rz1", KILL)).contains(Duration.ofMillis(10_000));
	}

	@Test
	void failuresAreFiveHundredsFourTwentyOnesAndSilenceButNotRefusals() {
		DrillFigures.ZoneTally rz1 = DrillFigures.byZone(attempts).get("rz1");

		assertThat(rz1.requests()).isEqualTo(7);
		assertThat(rz1.failed()).isEqualTo(4);
		assertThat(rz1.failures()).containsExactly(entry("503 ZONE_UNAVAILABLE", 2L),
				entry("502 ZONE_CONNECTION_LOST", 1L), entry("no answer (HttpTimeoutException)", 1L));
		assertThat(DrillFigures.byZone(attempts)).containsOnlyKeys("rz1", "rz2", "rz3");
		assertThat(DrillFigures.failedOutside(attempts, "rz1", KILL)).isEqualTo(1);
		assertThat(DrillFigures.failedFrom(attempts, KILL)).isEqualTo(5);
	}

	@Test
	void failuresAnsweredBeforeTheDisruptionAreTheWarmUpsNotTheDisruptions() {
		List<Attempt> withWarmUp = new ArrayList<>(attempts);
		withWarmUp.add(attempt(1_000, 1_900, "rz2", 503, "ZONE_UNAVAILABLE"));

		assertThat(DrillFigures.failedFrom(withWarmUp, KILL)).isEqualTo(5);
		assertThat(DrillFigures.failedOutside(withWarmUp, "rz1", KILL)).isEqualTo(1);
		assertThat(DrillFigures.before(withWarmUp, KILL)).extracting(Attempt::answered)
			.containsExactly(Duration.ofMillis(1_900));
		assertThat(DrillFigures.from(withWarmUp, KILL)).hasSize(attempts.size());
	}

	private static Attempt attempt(long sentMillis, long answeredMillis, String zone, int status, String code) {
		return new Attempt(Duration.ofMillis(sentMillis), Duration.ofMillis(answeredMillis), zone, "pay", status, code);
	}

}
