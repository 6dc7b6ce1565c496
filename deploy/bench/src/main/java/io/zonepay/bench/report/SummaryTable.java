package io.zonepay.bench.report;

import java.util.ArrayList;
import java.util.List;

import io.zonepay.bench.report.RunRecord.PhaseSummary;

/** One row per phase, its figures marked against the goals where they apply. */
final class SummaryTable {

	private SummaryTable() {
	}

	static String html(RunRecord run, Goals goals) {
		List<String> classes = Names
			.ordered(run.summary().stream().flatMap((phase) -> phase.shedShare().keySet().stream()).toList());
		List<String> headings = new ArrayList<>(
				List.of("phase", "load", "offered/s", "checkout goodput/s", "share of capacity", "checkout p99 ms"));
		classes.forEach((name) -> headings.add("shed " + name));
		headings.add("errors");
		Table table = new Table("summary", headings);
		for (PhaseSummary phase : run.summary()) {
			boolean judged = goals.applyTo(phase);
			String share = Html.percent(phase.checkoutShareOfCapacity())
					+ (judged ? Html.mark(goals.shareMet(phase)) : "");
			String p99 = Html.number(phase.checkoutP99Ms(), 0) + (judged ? Html.mark(goals.p99Met(phase)) : "");
			List<String> cells = new ArrayList<>(List.of(Html.text(phase.phase()),
					Html.number(phase.multiple(), 1) + "×", Html.number(phase.offeredPerSecond(), 0),
					Html.number(phase.checkoutGoodput(), 0), share, p99));
			classes.forEach((name) -> cells.add(Html.percent(phase.shedShare().getOrDefault(name, 0.0))));
			cells.add(Html.number(phase.errors(), 0));
			table.row(phase.phase(), cells);
		}
		return "<section>\n<h2>Phases</h2>\n" + table.html() + "<p class=\"note\">Goals, for phases offered at least "
				+ "the capacity (load 1.0× or more): share of capacity at least "
				+ Html.percent(goals.minCheckoutShare()) + ", checkout p99 at most "
				+ Html.number(goals.maxCheckoutP99Ms(), 0)
				+ " ms. Shed: the share of each class's operations a gateway refused to protect a zone.</p>\n"
				+ "</section>\n";
	}

}
