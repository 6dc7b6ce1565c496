package io.zonepay.bench.report;

import java.util.List;

import io.zonepay.bench.report.RunRecord.Capacity;
import io.zonepay.bench.report.RunRecord.KneeStep;

/**
 * The capacity the knee search found before the load, which every share is measured
 * against.
 */
final class CapacitySection {

	private CapacitySection() {
	}

	static String html(Capacity capacity) {
		Table zones = new Table("capacity-zones", List.of("zone", "requests/s at the knee"));
		Names.ordered(capacity.zones().keySet())
			.forEach((zone) -> zones.row(zone, List.of(Html.text(zone), Html.number(capacity.zones().get(zone), 0))));
		Table steps = new Table("knee-steps", List.of("offered/s", "goodput/s", "goodput/offered", "p99 ms", "shed"));
		for (KneeStep step : capacity.steps()) {
			double kept = (step.offered() > 0) ? step.goodput() / step.offered() : 0;
			steps.row(Html.number(step.offered(), 0),
					List.of(Html.number(step.offered(), 0), Html.number(step.goodput(), 0), Html.percent(kept),
							Html.number(step.p99Ms(), 0), Html.percent(step.shedShare())));
		}
		return "<section>\n<h2>Capacity</h2>\n<p class=\"capacity\"><b>"
				+ Html.number(capacity.operationsPerSecond(), 0) + "</b> operations/s, of which <b>"
				+ Html.number(capacity.checkoutsPerSecond(), 0) + "</b> checkouts/s, "
				+ "found by offering more in steps until goodput stopped following (the knee).</p>\n"
				+ "<div class=\"side-by-side\">\n<div>\n<h3>Per zone</h3>\n" + zones.html() + "</div>\n<div>\n"
				+ "<h3>Knee steps</h3>\n" + steps.html() + "</div>\n</div>\n"
				+ Charts.figure("knee",
						"Offered against goodput at each step: goodput follows the dotted diagonal until the knee.")
				+ "</section>\n";
	}

}
