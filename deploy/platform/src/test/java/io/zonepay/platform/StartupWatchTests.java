package io.zonepay.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class StartupWatchTests {

	@TempDir
	Path state;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private Process sleeper;

	@AfterEach
	void stop() {
		if (sleeper != null) {
			sleeper.destroyForcibly();
		}
	}

	@Test
	void saysWhenEachProcessIsReady() throws Exception {
		RunDirectory run = RunDirectory.create(state);
		StartupWatch watch = watch(run);
		sleeper = new ProcessBuilder("sleep", "30").start();
		AtomicBoolean ready = new AtomicBoolean(true);
		watch.started("gz", sleeper, ready::get);

		watch.awaitReady(Duration.ofSeconds(10));

		assertThat(printed.toString(StandardCharsets.UTF_8)).containsPattern("gz +ready +\\d+\\.\\d s");
	}

	@Test
	void aProcessThatExitsIsNamedWithTheEndOfItsLog() throws Exception {
		RunDirectory run = RunDirectory.create(state);
		Files.write(run.log("rz1"), IntStream.rangeClosed(1, 40).mapToObj(line -> "line " + line).toList());
		Process failed = new ProcessBuilder("sh", "-c", "exit 3").start();
		failed.waitFor();
		StartupWatch watch = watch(run);
		watch.started("rz1", failed, () -> false);

		assertThatIllegalStateException().isThrownBy(() -> watch.awaitReady(Duration.ofSeconds(10)))
			.withMessageStartingWith("rz1 exited (status 3)")
			.withMessageContaining("line 40")
			.withMessageContaining("line " + (40 - StartupWatch.LOG_LINES + 1))
			.withMessageNotContaining("line " + (40 - StartupWatch.LOG_LINES) + "\n");
	}

	@Test
	void namesWhatIsNotReadyWithinTheBound() throws Exception {
		RunDirectory run = RunDirectory.create(state);
		StartupWatch watch = watch(run);
		sleeper = new ProcessBuilder("sleep", "30").start();
		watch.started("gw-hz", sleeper, () -> false);

		assertThatIllegalStateException().isThrownBy(() -> watch.awaitReady(Duration.ofMillis(600)))
			.withMessage("not ready within 0 s: gw-hz");
	}

	@Test
	void aMissingLogIsSaidToBeMissing() throws IOException {
		assertThat(StartupWatch.tail(state.resolve("none.log"), 5)).contains("no log");
	}

	private StartupWatch watch(RunDirectory run) {
		return new StartupWatch(run, Instant.now(), new PrintStream(printed, true, StandardCharsets.UTF_8));
	}

}
