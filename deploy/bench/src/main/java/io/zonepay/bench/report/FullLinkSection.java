package io.zonepay.bench.report;

import java.util.ArrayList;
import java.util.List;

import io.zonepay.bench.report.RunRecord.FullLink;
import io.zonepay.bench.report.RunRecord.PhaseSummary;

/**
 * A full-link run's own section: the real traffic offered beside the shadow load, phase
 * by phase, and the audits of both sets of books.
 */
final class FullLinkSection {

	private FullLinkSection() {
	}

	static String html(FullLink fullLink) {
		Table table = new Table("real-traffic", List.of("phase", "offered/s", "checkout goodput/s", "checkout p99 ms",
				"shed checkout", "shed transfer", "shed read", "errors"));
		for (PhaseSummary phase : fullLink.realSummary()) {
			table.row(phase.phase(),
					List.of(Html.text(phase.phase()), Html.number(phase.offeredPerSecond(), 1),
							Html.number(phase.checkoutGoodput(), 1), Html.number(phase.checkoutP99Ms(), 0),
							Html.percent(phase.shedShare().getOrDefault("checkout", 0.0)),
							Html.percent(phase.shedShare().getOrDefault("transfer", 0.0)),
							Html.percent(phase.shedShare().getOrDefault("read", 0.0)), Html.number(phase.errors(), 0)));
		}
		StringBuilder html = new StringBuilder(
				"<section id=\"full-link\">\n<h2>Real traffic beside the load test</h2>\n")
			.append("<p class=\"note\">The load above was shadow traffic (")
			.append("<code>X-ZonePay-Traffic: shadow</code>, a loadtest credential): the lowest priority class, ")
			.append("written only to the shadow schemas. Real users paid beside it at ")
			.append(Html.number(fullLink.realOperationsPerSecond(), 1))
			.append(" operations/s, the same mix.</p>\n")
			.append(table.html())
			.append(Charts.figure("fulllink",
					"Operations per second that succeeded: the shadow load and the real traffic beside it, with what"
							+ " each offered."))
			.append(Charts.figure("fulllinklatency",
					"Checkout p99, ms (log scale): the shadow load's and the real traffic's."))
			.append("<h3>Audits</h3>\n<ul id=\"audits\">\n");
		for (RunRecord.Audit audit : fullLink.audits()) {
			html.append("<li data-audit=\"")
				.append(Html.text(audit.name()))
				.append("\"><span class=\"")
				.append(audit.passed() ? "pass\">PASS" : "fail\">FAIL")
				.append("</span> ")
				.append(Html.text(audit.name()))
				.append("<pre>")
				.append(Html.text(String.join("\n", audit.lines())))
				.append("</pre></li>\n");
		}
		if (fullLink.audits().isEmpty()) {
			html.append("<li>Not audited: the books are audited on the local platform (./zonepay up) only.</li>\n");
		}
		return html.append("</ul>\n</section>\n").toString();
	}

	/** The verdict of a full-link run: its audits, and the real traffic's errors. */
	static String verdict(FullLink fullLink) {
		List<String> failed = new ArrayList<>();
		fullLink.audits().stream().filter(audit -> !audit.passed()).forEach(audit -> failed.add(audit.name()));
		long realErrors = fullLink.realSummary().stream().mapToLong(PhaseSummary::errors).sum();
		if (realErrors > 0) {
			failed.add(realErrors + " real operations failed other than by shedding");
		}
		if (fullLink.audits().isEmpty()) {
			failed.add("the books were not audited");
		}
		if (failed.isEmpty()) {
			return "<p class=\"verdict pass\">PASS: the real traffic beside the load test failed only where the"
					+ " gateways shed it, the shadow and the real books audit clean, and the real books moved only by"
					+ " real traffic.</p>\n";
		}
		return "<p class=\"verdict fail\">FAIL: " + Html.text(String.join("; ", failed)) + ".</p>\n";
	}

}
