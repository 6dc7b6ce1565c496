package io.zonepay.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.zonepay.bench.report.RunRecord.PhaseSummary;
import org.jspecify.annotations.Nullable;

/**
 * Each phase against the same phase of the previous run: what changed, and which way is
 * better.
 */
final class ComparisonTable {

	private ComparisonTable() {
	}

	static String html(RunRecord run, RunRecord previous) {
		Map<String, PhaseSummary> now = byPhase(run);
		Map<String, PhaseSummary> before = byPhase(previous);
		Table table = new Table("comparison",
				List.of("phase", "checkout goodput/s", "share of capacity", "checkout p99 ms", "errors"));
		Stream.concat(now.keySet().stream(), before.keySet().stream()).distinct().forEach((phase) -> {
			Change change = new Change(before.get(phase), now.get(phase));
			table.row(phase,
					List.of(Html.text(phase), change.of(PhaseSummary::checkoutGoodput, 0, true),
							change.of((summary) -> summary.checkoutShareOfCapacity() * 100, 1, true),
							change.of(PhaseSummary::checkoutP99Ms, 0, false),
							change.of((summary) -> (double) summary.errors(), 0, false)));
		});
		return "<section>\n<h2>Against the previous run</h2>\n" + table.html()
				+ "<p class=\"note\">Each cell: before → now (change). Share of capacity changes in percentage points;"
				+ " each run's share is of its own capacity.</p>\n</section>\n";
	}

	private static Map<String, PhaseSummary> byPhase(RunRecord run) {
		return run.summary()
			.stream()
			.collect(Collectors.toMap(PhaseSummary::phase, Function.identity(), (first, second) -> first,
					LinkedHashMap::new));
	}

	/** One phase before and now; either may be missing when the runs' phases differ. */
	private record Change(@Nullable PhaseSummary before, @Nullable PhaseSummary now) {

		String of(Function<PhaseSummary, Double> figure, int decimals, boolean higherIsBetter) {
			if (before == null || now == null) {
				return (before == null) ? "— → " + Html.number(figure.apply(now), decimals)
						: Html.number(figure.apply(before), decimals) + " → —";
			}
			double from = figure.apply(before);
			double to = figure.apply(now);
			// Judged as shown: a change too small to show is no change.
			double delta = BigDecimal.valueOf(to - from).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
			String direction = (delta == 0) ? "same" : ((delta > 0) == higherIsBetter) ? "better" : "worse";
			String sign = (delta == 0) ? "±" : (delta > 0) ? "+" : "−";
			return Html.number(from, decimals) + " → " + Html.number(to, decimals) + " <span class=\"" + direction
					+ "\">(" + sign + Html.number(Math.abs(delta), decimals) + ")</span>";
		}

	}

}
