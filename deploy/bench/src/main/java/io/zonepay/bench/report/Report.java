package io.zonepay.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The report of a Double-11 run: one HTML file that opens from disk, with no server and
 * no network, and carries the run itself so that a later run can be compared with it.
 */
public final class Report {

	private Report() {
	}

	/**
	 * Writes the report of {@code run} to {@code html}, compared with {@code previous}
	 * when there is one.
	 */
	public static void write(RunRecord run, @Nullable RunRecord previous, Path html) {
		writeText(html, Page.html(run, previous));
	}

	/** Writes {@code run} as the JSON that {@link #read} reads back. */
	public static void writeJson(RunRecord run, Path json) {
		writeText(json, RunJson.write(run));
	}

	/**
	 * Reads a run from its JSON or from the report written of it (the run embedded in the
	 * page), so that an old report is all a comparison needs.
	 */
	public static RunRecord read(Path file) {
		String text;
		try {
			text = Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read a run from " + file, ex);
		}
		// A JSON document starts with its object; anything else is taken for a report
		// page.
		String json = text.stripLeading().startsWith("{") ? text : RunJson.embedded(text, file);
		return RunJson.read(json, file);
	}

	private static void writeText(Path file, String text) {
		try {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

}
