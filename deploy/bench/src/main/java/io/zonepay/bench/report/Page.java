package io.zonepay.bench.report;

import org.jspecify.annotations.Nullable;

/**
 * The whole page: tables written here, charts drawn by its script from the run embedded
 * as JSON, and everything it needs inlined so that it opens from disk.
 */
final class Page {

	private Page() {
	}

	static String html(RunRecord run, @Nullable RunRecord previous) {
		Goals goals = Goals.DOUBLE_11;
		StringBuilder page = new StringBuilder(256 * 1024);
		page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
			.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
			.append("<title>")
			.append(Html.text(run.title()))
			.append("</title>\n<style>\n")
			.append(Assets.UPLOT_CSS)
			.append("\n</style>\n<style>\n")
			.append(Assets.REPORT_CSS)
			.append("</style>\n</head>\n<body>\n<main>\n")
			.append(Header.html(run, previous, goals))
			.append(SummaryTable.html(run, goals));
		if (previous != null) {
			page.append(ComparisonTable.html(run, previous));
		}
		if (run.fullLink() != null) {
			page.append(FullLinkSection.html(run.fullLink()));
		}
		page.append(CapacitySection.html(run.capacity()))
			.append(Charts.overTime(run, previous != null))
			.append("</main>\n")
			.append(RunJson.script(RunJson.RUN_ID, run));
		if (previous != null) {
			page.append(RunJson.script(RunJson.PREVIOUS_ID, previous));
		}
		return page.append("<script>\n")
			.append(Assets.UPLOT_JS)
			.append("\n</script>\n<script>\n")
			.append(Assets.REPORT_JS)
			.append("</script>\n</body>\n</html>\n")
			.toString();
	}

}
