package io.zonepay.bench.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** What ran, when, against what, and whether it held: the first thing a reader sees. */
final class Header {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private Header() {
	}

	static String html(RunRecord run, @Nullable RunRecord previous, Goals goals) {
		StringBuilder html = new StringBuilder("<header>\n<h1>").append(Html.text(run.title())).append("</h1>\n");
		html.append("<p class=\"facts\">started ")
			.append(when(run.startedAt()))
			.append(" · ")
			.append(run.seconds().size())
			.append(" s of load · ")
			.append(Html.text(run.target().platform()))
			.append(" through ")
			.append(Html.text(String.join(", ", run.target().gateways())))
			.append(" · ")
			.append(run.target().cores())
			.append(" cores</p>\n");
		if (previous != null) {
			html.append("<p class=\"facts\">compared with ")
				.append(Html.text(previous.title()))
				.append(", started ")
				.append(when(previous.startedAt()))
				.append("</p>\n");
		}
		return html.append(verdict(run, goals)).append("</header>\n").toString();
	}

	private static String verdict(RunRecord run, Goals goals) {
		if (run.fullLink() != null) {
			// The shadow load is the lowest class, shed first by design: a full-link run
			// is
			// judged by the real traffic beside it and by the books.
			return FullLinkSection.verdict(run.fullLink());
		}
		if (run.summary().stream().noneMatch(goals::applyTo)) {
			return "<p class=\"verdict\">No phase was offered the capacity or more: no goal applied.</p>\n";
		}
		List<String> failed = run.summary()
			.stream()
			.filter((phase) -> !goals.misses(phase).isEmpty())
			.map((phase) -> phase.phase() + ": " + String.join(" and ", goals.misses(phase)))
			.toList();
		if (failed.isEmpty()) {
			return "<p class=\"verdict pass\">PASS: every phase offered the capacity or more kept checkout goodput at"
					+ " least " + Html.percent(goals.minCheckoutShare()) + " of capacity and checkout p99 at most "
					+ Html.number(goals.maxCheckoutP99Ms(), 0) + " ms.</p>\n";
		}
		return "<p class=\"verdict fail\">FAIL: " + Html.text(String.join("; ", failed)) + ".</p>\n";
	}

	private static String when(Instant instant) {
		return WHEN.format(instant);
	}

}
