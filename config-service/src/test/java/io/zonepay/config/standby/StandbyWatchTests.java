package io.zonepay.config.standby;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.testkit.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandbyWatchTests {

	private static final Duration LOOK = Duration.ofMillis(250);

	private static final Duration PROMOTE_AFTER = Duration.ofSeconds(10);

	private final TestClock clock = TestClock.at("2026-12-06T13:58:00Z");

	private final FakeWriter writer = new FakeWriter();

	private final List<String> promotions = new ArrayList<>();

	private final StandbyWatch watch = new StandbyWatch(writer, this::promote, PROMOTE_AFTER, clock);

	@Test
	void promotesOnceTheWriterHasBeenSilentAndUnreachableForTheWholeBound() {
		watchFor(Duration.ofSeconds(5));
		writer.dies();

		watchFor(PROMOTE_AFTER.minus(LOOK));
		assertThat(promotions).isEmpty();

		watchFor(LOOK.multipliedBy(2));
		assertThat(promotions).singleElement().asString().contains("silent on the log for 10");
	}

	@Test
	void neverPromotesWhileTheWriterAnswersThoughItsLogIsSilent() {
		watchFor(Duration.ofSeconds(5));
		writer.silentButAnswering();

		watchFor(Duration.ofSeconds(60));

		assertThat(promotions).isEmpty();
	}

	@Test
	void aPauseOfTheWholeMachineIsNotTheWritersSilence() {
		watchFor(Duration.ofSeconds(5));

		// The machine stops for 16 s: on waking, the log is 16 s old and the check of the
		// writer, begun before the pause, has timed out.
		clock.advance(Duration.ofSeconds(16));
		writer.dies();
		look();
		watchFor(Duration.ofSeconds(3));
		assertThat(promotions).isEmpty();

		// The writer woke too: its heartbeats arrive again.
		writer.resumes();
		watchFor(Duration.ofSeconds(30));
		assertThat(promotions).isEmpty();
	}

	@Test
	void aWriterThatStaysGoneAfterAPauseIsReplacedOnceTheStandbyWatchedItForTheWholeBound() {
		watchFor(Duration.ofSeconds(5));
		clock.advance(Duration.ofSeconds(16));
		writer.dies();
		look();

		watchFor(PROMOTE_AFTER.minus(LOOK));
		assertThat(promotions).isEmpty();

		watchFor(LOOK.multipliedBy(2));
		assertThat(promotions).singleElement().asString().contains("silent on the log for 2");
	}

	@Test
	void aStandbyThatJustStartedWatchesForTheWholeBoundFirst() {
		writer.dies();
		clock.advance(Duration.ofSeconds(30));

		watchFor(PROMOTE_AFTER.minus(LOOK));
		assertThat(promotions).isEmpty();

		watchFor(LOOK.multipliedBy(2));
		assertThat(promotions).hasSize(1);
	}

	@Test
	void aStandbyThatIsNoLongerOneIsNeverPromoted() {
		watchFor(Duration.ofSeconds(5));
		writer.dies();
		writer.standing = false;

		watchFor(Duration.ofSeconds(30));

		assertThat(promotions).isEmpty();
	}

	@Test
	void aFailedPromotionIsTriedAgainAtTheNextLook() {
		List<String> attempts = new ArrayList<>();
		StandbyWatch refused = new StandbyWatch(writer, reason -> {
			attempts.add(reason);
			throw new ProblemException(CommonProblem.SERVICE_BUSY, "the log's end cannot be read");
		}, PROMOTE_AFTER, clock);
		writer.dies();

		for (int i = 0; i < 50; i++) {
			clock.advance(LOOK);
			writer.heartbeat(clock.instant());
			refused.check();
		}

		assertThat(attempts).hasSizeGreaterThan(1);
	}

	/** As a real promotion does, this one ends the standby's role. */
	private void promote(String reason) {
		promotions.add(reason);
		writer.standing = false;
	}

	private void watchFor(Duration duration) {
		Instant end = clock.instant().plus(duration);
		while (clock.instant().isBefore(end)) {
			clock.advance(LOOK);
			look();
		}
	}

	private void look() {
		writer.heartbeat(clock.instant());
		watch.check();
	}

	/**
	 * The writer as the standby sees it: heartbeats on the log while it lives, and
	 * whether it answers a question.
	 */
	private static final class FakeWriter implements StandbyWatch.Signs {

		private boolean beating = true;

		private boolean answers = true;

		private boolean standing = true;

		private Instant lastHeartbeat = Instant.EPOCH;

		private Instant now = Instant.EPOCH;

		void heartbeat(Instant at) {
			now = at;
			if (beating) {
				lastHeartbeat = at;
			}
		}

		void dies() {
			beating = false;
			answers = false;
		}

		void silentButAnswering() {
			beating = false;
		}

		void resumes() {
			beating = true;
			answers = true;
		}

		@Override
		public boolean standing() {
			return standing;
		}

		@Override
		public Duration silence() {
			return Duration.between(lastHeartbeat, now);
		}

		@Override
		public boolean writerReachable() {
			return answers;
		}

	}

}
