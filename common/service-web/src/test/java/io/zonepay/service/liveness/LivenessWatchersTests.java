package io.zonepay.service.liveness;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The watchers of a service's liveness, fed by their shared task, with sinks in place of
 * responses.
 */
class LivenessWatchersTests {

	static final Duration BOUND = Duration.ofSeconds(5);

	final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

	final LivenessWatchers watchers = new LivenessWatchers(availability,
			new LivenessWatchProperties(2, Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofSeconds(10)));

	@BeforeEach
	void start() {
		availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.CORRECT));
		watchers.start();
	}

	@AfterEach
	void stop() {
		if (watchers.isRunning()) {
			watchers.stop();
		}
	}

	@Test
	void writesEachWatcherItsLivenessAtItsPaceNumberedFromOne() {
		Sink fast = new Sink();
		Sink slow = new Sink();

		assertThat(watchers.watch(fast, Duration.ofMillis(20))).isNotNull();
		assertThat(watchers.watch(slow, Duration.ofSeconds(10))).isNotNull();

		await().atMost(BOUND).until(() -> fast.lines.size() >= 5);
		assertThat(List.copyOf(fast.lines).subList(0, 3)).containsExactly("CORRECT 1\n", "CORRECT 2\n", "CORRECT 3\n");
		assertThat(slow.lines).as("the first line at once, the next after ten seconds").containsExactly("CORRECT 1\n");
	}

	@Test
	void saysSoWhenTheServiceIsNotLive() {
		Sink sink = new Sink();
		watchers.watch(sink, Duration.ofMillis(20));
		await().atMost(BOUND).until(() -> !sink.lines.isEmpty());

		availability.onApplicationEvent(new AvailabilityChangeEvent<>(this, LivenessState.BROKEN));

		await().atMost(BOUND).until(() -> sink.lines.getLast().startsWith("BROKEN "));
	}

	@Test
	void boundsThePaceAWatcherAsksFor() {
		Sink sink = new Sink();

		watchers.watch(sink, Duration.ofNanos(1));

		await().atMost(BOUND).until(() -> sink.lines.size() >= 3);
		assertThat(sink.lines).as("at 20 ms at the fastest, not a line every wake-up").hasSizeLessThan(50);
	}

	@Test
	void refusesAWatcherTooManyAndTakesOneAgainOnceOneLeft() {
		Sink first = new Sink();
		LivenessWatchers.Watcher firstWatcher = watchers.watch(first, Duration.ofMillis(20));
		watchers.watch(new Sink(), Duration.ofMillis(20));

		assertThat(watchers.watch(new Sink(), Duration.ofMillis(20))).isNull();

		watchers.leave(firstWatcher);
		await().atMost(BOUND).until(() -> watchers.watch(new Sink(), Duration.ofMillis(20)) != null);
	}

	@Test
	void dropsAWatcherWhoseWriteFailsAndFreesItsPlace() {
		Sink gone = new Sink();
		gone.failing = true;
		watchers.watch(gone, Duration.ofMillis(20));
		Sink other = new Sink();
		watchers.watch(other, Duration.ofMillis(20));

		await().atMost(BOUND).until(() -> watchers.watch(new Sink(), Duration.ofMillis(20)) != null);
		assertThat(gone.attempts).as("no write after the failed one").isOne();
		assertThat(other.lines).isNotEmpty();
	}

	@Test
	void endsEveryStreamAfterTheLongestDuration() {
		LivenessWatchers shortLived = new LivenessWatchers(availability,
				new LivenessWatchProperties(2, Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofMillis(100)));
		shortLived.start();
		try {
			Sink sink = new Sink();
			shortLived.watch(sink, Duration.ofMillis(20));

			await().atMost(BOUND).until(() -> sink.ended);
			int lines = sink.lines.size();
			assertThat(lines).isGreaterThan(1);
			assertThat(shortLived.watch(new Sink(), Duration.ofMillis(20))).as("its place is free").isNotNull();
		}
		finally {
			shortLived.stop();
		}
	}

	@Test
	void endsEveryStreamAndTakesNoWatcherOnceStopped() {
		Sink sink = new Sink();
		watchers.watch(sink, Duration.ofMillis(20));
		await().atMost(BOUND).until(() -> !sink.lines.isEmpty());

		watchers.stop();

		assertThat(sink.ended).isTrue();
		assertThat(watchers.isRunning()).isFalse();
		assertThat(watchers.watch(new Sink(), Duration.ofMillis(20))).isNull();
	}

	/** A watcher's response as the test sees it. */
	static final class Sink implements LineSink {

		final List<String> lines = new CopyOnWriteArrayList<>();

		volatile boolean failing;

		volatile int attempts;

		volatile boolean ended;

		@Override
		public void send(String line) throws IOException {
			attempts++;
			if (failing) {
				throw new IOException("Broken pipe");
			}
			lines.add(line);
		}

		@Override
		public void end() {
			ended = true;
		}

	}

}
