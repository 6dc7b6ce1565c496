package io.zonepay.bench.report;

import java.util.ArrayList;
import java.util.List;

import io.zonepay.bench.report.RunRecord.PhaseSummary;

/**
 * What a phase offered at least the capacity must keep: checkouts succeeding at nearly
 * the rate measured at the knee, answered within a second. Below capacity there is
 * nothing to protect checkouts from, so no goal applies.
 *
 * @param minCheckoutShare checkout goodput against the checkouts per second at the knee
 * @param maxCheckoutP99Ms 99th percentile latency of admitted checkout requests, ms
 */
record Goals(double minCheckoutShare, double maxCheckoutP99Ms) {

	static final Goals DOUBLE_11 = new Goals(0.90, 1000);

	boolean applyTo(PhaseSummary phase) {
		return phase.multiple() >= 1;
	}

	boolean shareMet(PhaseSummary phase) {
		return phase.checkoutShareOfCapacity() >= minCheckoutShare;
	}

	boolean p99Met(PhaseSummary phase) {
		return phase.checkoutP99Ms() <= maxCheckoutP99Ms;
	}

	/** The goals the phase missed, in words: none when it met them or none applies. */
	List<String> misses(PhaseSummary phase) {
		List<String> misses = new ArrayList<>();
		if (applyTo(phase) && !shareMet(phase)) {
			misses.add("checkout goodput " + Html.percent(phase.checkoutShareOfCapacity())
					+ " of capacity, goal at least " + Html.percent(minCheckoutShare));
		}
		if (applyTo(phase) && !p99Met(phase)) {
			misses.add("checkout p99 " + Html.number(phase.checkoutP99Ms(), 0) + " ms, goal at most "
					+ Html.number(maxCheckoutP99Ms, 0) + " ms");
		}
		return misses;
	}

}
