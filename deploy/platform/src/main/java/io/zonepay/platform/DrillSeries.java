package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./zonepay drill all}: several drills in turn, each under its own load with its
 * own audit and restore, and one report of them all, a summary first. A drill that cannot
 * run is reported and the next one runs.
 */
final class DrillSeries {

	private final Installation installation;

	private final List<DrillOptions> drills;

	DrillSeries(Installation installation, List<DrillOptions> drills) {
		this.installation = installation;
		this.drills = List.copyOf(drills);
	}

	int run() {
		String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		List<String> summary = new ArrayList<>();
		StringBuilder reports = new StringBuilder();
		boolean allPassed = true;
		Path runDirectory = null;
		for (DrillOptions options : drills) {
			System.out.printf("%n==== drill %s ====%n", options.describe());
			String verdict;
			try {
				Drill.Outcome outcome = new Drill(installation, options).execute();
				runDirectory = outcome.runDirectory();
				verdict = outcome.passed() ? "PASS" : "FAIL";
				reports.append(outcome.report()).append('\n').append("=".repeat(118)).append("\n\n");
			}
			catch (Exception ex) {
				if (ex instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
				verdict = "FAIL (did not run to the end: " + ex.getMessage() + ")";
				reports.append("ZonePay drill: ")
					.append(options.describe())
					.append(": ")
					.append(verdict)
					.append("\n\n");
			}
			allPassed &= verdict.equals("PASS");
			summary.add("  %-30s %s".formatted(options.describe(), verdict));
			if (Thread.currentThread().isInterrupted()) {
				break;
			}
		}
		String report = "ZonePay drills, all (" + stamp + "): " + (allPassed ? "PASS" : "FAIL") + "\n\n"
				+ String.join("\n", summary) + "\n\n" + reports;
		System.out.printf("%n%s%n", "ZonePay drills, all: " + (allPassed ? "PASS" : "FAIL"));
		summary.forEach(System.out::println);
		if (runDirectory != null) {
			Path file = runDirectory.resolve("drill-all-" + stamp + ".txt");
			try {
				Files.writeString(file, report);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write " + file, ex);
			}
			System.out.println("Report: " + file);
		}
		return allPassed ? 0 : 1;
	}

}
