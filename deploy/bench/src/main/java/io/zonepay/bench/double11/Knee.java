package io.zonepay.bench.double11;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zonepay.bench.report.RunRecord;

/**
 * Finds the platform's capacity for the mix: offers a rising rate in short steps until
 * goodput stops following the offer (it falls behind, latency passes the bound, or the
 * gateways shed), and takes the best goodput seen within the latency bound.
 */
final class Knee {

	private static final int STEP_SECONDS = 8;

	private static final int WARM_UP_SECONDS = 15;

	/** The first seconds of a step, left out: the platform settles into the new rate. */
	private static final int SETTLE_SECONDS = 2;

	private static final double GROWTH = 1.4;

	private static final int MOST_STEPS = 12;

	/**
	 * The latency a step must keep to count: the capacity is what the platform serves
	 * within it, below the cliff, so that the machine keeps the headroom that refusing a
	 * spike costs (on this box the step after it, 1.4 times more, ran p99 past 350 ms and
	 * left no CPU for the gateways' sheds).
	 */
	private static final double P99_BOUND_MS = 250;

	private Knee() {
	}

	static RunRecord.Capacity find(double startRate, Mix mix, Operations operations, List<String> zones)
			throws InterruptedException {
		warmUp(startRate / 2, mix, operations, zones);
		List<RunRecord.KneeStep> steps = new ArrayList<>();
		Tally.Window best = null;
		double rate = startRate;
		for (int step = 0; step < MOST_STEPS; step++) {
			long origin = System.nanoTime();
			Tally tally = new Tally(STEP_SECONDS, zones, origin);
			double offered = rate;
			OpenLoop.run(tally, origin, at -> offered, mix, operations);
			Tally.Window window = tally.window(SETTLE_SECONDS, STEP_SECONDS);
			steps.add(new RunRecord.KneeStep(round(window.offeredPerSecond()), round(window.goodputPerSecond()),
					round(window.paymentP99Millis()), round(window.shedShare())));
			System.out.printf("  knee: offered %6.1f/s  goodput %6.1f/s  p99 %7.1f ms  shed %4.1f %% %s  errors %s%n",
					window.offeredPerSecond(), window.goodputPerSecond(), window.paymentP99Millis(),
					window.shedShare() * 100, Arrays.toString(window.shed()), tally.errorsOver(0, STEP_SECONDS));
			boolean withinBound = window.paymentP99Millis() <= P99_BOUND_MS;
			if (withinBound && (best == null || window.goodputPerSecond() > best.goodputPerSecond())) {
				best = window;
			}
			boolean kneePassed = window.goodputPerSecond() < 0.9 * window.offeredPerSecond() || !withinBound
					|| window.shedShare() > 0.02;
			if (kneePassed) {
				break;
			}
			rate *= GROWTH;
		}
		if (best == null) {
			throw new IllegalStateException("no step of the knee search stayed within " + P99_BOUND_MS
					+ " ms at p99: start lower (--knee-start)");
		}
		Map<String, Double> zonesAtKnee = new TreeMap<>();
		best.zoneRequestsPerSecond().forEach((zone, perSecond) -> zonesAtKnee.put(zone, round(perSecond)));
		return new RunRecord.Capacity(round(best.goodputPerSecond()), round(best.checkoutsPerSecond()), zonesAtKnee,
				steps);
	}

	/**
	 * A first, unmeasured while at half the first step's rate: a freshly started platform
	 * compiles its code and fills its caches, and its first answers are slow.
	 */
	private static void warmUp(double rate, Mix mix, Operations operations, List<String> zones)
			throws InterruptedException {
		long origin = System.nanoTime();
		OpenLoop.run(new Tally(WARM_UP_SECONDS, zones, origin), origin, at -> rate, mix, operations);
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
