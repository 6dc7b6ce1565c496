package io.zonepay.bench.report;

import java.util.Map;

import io.zonepay.bench.report.RunRecord.Second;

/**
 * Where the page's script draws each chart: one figure per chart, named in
 * {@code data-chart}, with a caption that says how to read it.
 */
final class Charts {

	private Charts() {
	}

	static String overTime(RunRecord run, boolean compared) {
		String previous = compared ? " The previous run is dashed." : "";
		return "<section>\n<h2>Over time</h2>\n<p class=\"note\">Seconds since the load started; shaded bands are "
				+ "the phases.</p>\n"
				+ figure("operations",
						"Operations per second, all classes: offered, admitted by the gateways, and succeeded,"
								+ " against the capacity.")
				+ figure("checkout",
						"Checkouts that succeeded per second against the checkouts per second at the knee." + previous)
				+ figure("latency",
						"Latency of admitted checkout requests, ms (log scale): p50, p99 and p99.9 for all"
								+ " zones, p99 per zone; click a legend entry to show or hide a line." + previous)
				+ figure("sheds", "Operations shed per second, by class: what the gateways refused to protect a zone.")
				+ figure("errors", "Failures other than sheds per second, by problem code.")
				+ figure("water", "Each zone's water level: its admitted requests against its capacity; above 1.0 it"
						+ " runs beyond what it managed at the knee.")
				+ cpu(run) + "</section>\n";
	}

	static String figure(String name, String caption) {
		return "<figure data-chart=\"" + name + "\"><figcaption>" + Html.text(caption) + "</figcaption></figure>\n";
	}

	private static String cpu(RunRecord run) {
		if (run.seconds().stream().map(Second::cpuMs).allMatch(Map::isEmpty)) {
			return "<p class=\"note\" id=\"no-cpu\">No CPU chart: the platform did not run on the load's machine, so"
					+ " its CPU was not measured.</p>\n";
		}
		return figure("cpu", "CPU-ms used per second by each process group; the top line is all " + run.target().cores()
				+ " cores busy.");
	}

}
