package io.zonepay.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneAnswersTests {

	private final AtomicLong now = new AtomicLong();

	private final ZoneAnswers answers = new ZoneAnswers(now::get);

	@Test
	void aZoneThatAnswersNothingWhileRequestsWaitIsSilentForAsLongAsTheyHaveWaited() {
		answers.sent("rz2");
		millis(1_000);
		answers.sent("rz2");
		millis(1_500);
		assertThat(answers.view().get("rz2")).isEqualTo(new ZoneAnswers.View(2, 2_500));
	}

	@Test
	void aBusyZoneThatAnswersSlowlyIsNeverSilentForLong() {
		answers.sent("rz1");
		answers.sent("rz1");
		millis(1_800);
		answers.ended("rz1", true);
		answers.sent("rz1");
		millis(300);
		assertThat(answers.view().get("rz1")).isEqualTo(new ZoneAnswers.View(2, 300));
	}

	@Test
	void aZoneNobodyWaitsOnIsNotSilentAndAnUnansweredEndIsNoAnswer() {
		answers.sent("rz3");
		millis(2_000);
		answers.ended("rz3", false);
		assertThat(answers.view().get("rz3")).isEqualTo(new ZoneAnswers.View(0, 0));
		answers.sent("rz3");
		millis(700);
		assertThat(answers.view().get("rz3").silentMs()).as("silence counts from the new wait, not the old one")
			.isEqualTo(700);
	}

	private void millis(long millis) {
		now.addAndGet(millis * 1_000_000);
	}

}
