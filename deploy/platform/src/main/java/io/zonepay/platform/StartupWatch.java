package io.zonepay.platform;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Waits, bounded, for the processes of a start to say they are ready, and says so as it
 * goes: a line per process as it becomes ready, with the time since the start began, and
 * every few seconds what it still waits for. Every process it was told of must stay alive
 * meanwhile: one that exits is named, with the end of its log.
 */
final class StartupWatch {

	private static final Duration POLL = Duration.ofMillis(500);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

	/**
	 * Enough of a log to show a stack trace's cause, little enough to read in a terminal.
	 */
	static final int LOG_LINES = 25;

	private final RunDirectory run;

	private final Instant began;

	private final PrintStream out;

	private final Map<String, Process> alive = new LinkedHashMap<>();

	private final Map<String, BooleanSupplier> pending = new LinkedHashMap<>();

	StartupWatch(RunDirectory run, Instant began, PrintStream out) {
		this.run = run;
		this.began = began;
		this.out = out;
	}

	/** A process started, and how to tell it is ready. */
	void started(String name, Process process, BooleanSupplier ready) {
		alive.put(name, process);
		pending.put(name, ready);
	}

	/**
	 * Waits until every process started so far is ready; refuses to wait longer than
	 * {@code bound}.
	 */
	void awaitReady(Duration bound) throws InterruptedException {
		Instant deadline = Instant.now().plus(bound);
		Instant nextReport = Instant.now().plus(REPORT_EVERY);
		while (!pending.isEmpty()) {
			requireAlive();
			pending.entrySet().removeIf(entry -> {
				boolean ready = entry.getValue().getAsBoolean();
				if (ready) {
					out.printf("  %-9s ready    %5.1f s%n", entry.getKey(), seconds());
				}
				return ready;
			});
			if (pending.isEmpty()) {
				return;
			}
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(
						"not ready within " + bound.toSeconds() + " s: " + String.join(", ", pending.keySet()));
			}
			if (Instant.now().isAfter(nextReport)) {
				out.printf("  %5.0f s: waiting for %s%n", seconds(), String.join(", ", pending.keySet()));
				nextReport = Instant.now().plus(REPORT_EVERY);
			}
			Thread.sleep(POLL);
		}
	}

	private void requireAlive() {
		alive.forEach((name, process) -> {
			if (!process.isAlive()) {
				throw new IllegalStateException(name + " exited (status " + process.exitValue() + "). The end of "
						+ run.log(name) + ":\n" + tail(run.log(name), LOG_LINES));
			}
		});
	}

	private double seconds() {
		return Duration.between(began, Instant.now()).toMillis() / 1000.0;
	}

	/**
	 * The last lines of a file, indented; reads it once, keeping no more than it shows.
	 */
	static String tail(Path file, int lines) {
		if (!Files.exists(file)) {
			return "    (no log)";
		}
		Deque<String> last = new ArrayDeque<>(lines);
		try (Stream<String> all = Files.lines(file, StandardCharsets.UTF_8)) {
			all.forEach(line -> {
				if (last.size() == lines) {
					last.removeFirst();
				}
				last.addLast("    " + line);
			});
		}
		catch (IOException | UncheckedIOException ex) {
			return "    (cannot read it: " + ex.getMessage() + ")";
		}
		return String.join("\n", last);
	}

}
