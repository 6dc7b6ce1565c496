package io.zonepay.config.supervision;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/** Liveness lines as a service writes them, and as a broken one might. */
class LivenessLinesTests {

	@Test
	void onlyCorrectSaysLive() {
		assertThat(LivenessLines.live("CORRECT 17")).isTrue();
		assertThat(LivenessLines.live("CORRECT\r")).isTrue();
		assertThat(LivenessLines.live("BROKEN 18")).isFalse();
		assertThat(LivenessLines.live("CORRECTED 19")).isFalse();
		assertThat(LivenessLines.live("")).isFalse();
	}

	@Test
	void readsEveryWholeLineUntilTheStreamEnds() throws IOException {
		List<Boolean> heard = new ArrayList<>();

		boolean spoke = LivenessLines.read(stream("CORRECT 1\nBROKEN 2\nCORRECT 3\nCORR"), heard::add);

		assertThat(spoke).isTrue();
		assertThat(heard).as("a line cut short says nothing").containsExactly(true, false, true);
		assertThat(LivenessLines.read(stream(""), heard::add)).isFalse();
	}

	@Test
	void refusesALineLongerThanTheBound() {
		assertThatIOException()
			.isThrownBy(() -> LivenessLines.read(stream("C".repeat(LivenessLines.MAX_LINE + 1)), live -> {
			}));
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
	}

}
