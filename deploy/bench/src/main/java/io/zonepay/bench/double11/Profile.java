package io.zonepay.bench.double11;

import java.util.ArrayList;
import java.util.List;

import io.zonepay.bench.report.RunRecord;

/**
 * The load's shape over time, in multiples of the measured capacity: phases one after the
 * other, each flat or changing linearly.
 */
record Profile(List<RunRecord.Phase> phases) {

	/**
	 * The midnight of Double 11: a warm-up, a ramp to capacity, the spike at midnight (a
	 * jump, not a ramp), a hold at capacity, and a decay.
	 */
	static Profile midnight(double spike, int spikeSeconds) {
		return new Builder().phase("warm-up", 20, 0.3, 0.3)
			.phase("ramp", 20, 0.3, 1.0)
			.phase("spike", spikeSeconds, spike, spike)
			.phase("hold", 30, 1.0, 1.0)
			.phase("decay", 15, 1.0, 0.3)
			.build();
	}

	/**
	 * Steps of the given multiples, each held for the same time, then capacity again to
	 * see how soon latency recovers.
	 */
	static Profile steps(List<Double> multiples, int stepSeconds) {
		Builder builder = new Builder();
		for (double multiple : multiples) {
			builder.phase(label(multiple), stepSeconds, multiple, multiple);
		}
		return builder.phase("after", 20, 1.0, 1.0).build();
	}

	int seconds() {
		return phases.getLast().toSecond();
	}

	/** The offered load at a moment, as a multiple of capacity. */
	double multipleAt(double second) {
		for (RunRecord.Phase phase : phases) {
			if (second < phase.toSecond()) {
				double progress = (second - phase.fromSecond()) / (phase.toSecond() - phase.fromSecond());
				return phase.startMultiple() + (phase.endMultiple() - phase.startMultiple()) * progress;
			}
		}
		return phases.getLast().endMultiple();
	}

	RunRecord.Phase phaseAt(int second) {
		for (RunRecord.Phase phase : phases) {
			if (second < phase.toSecond()) {
				return phase;
			}
		}
		return phases.getLast();
	}

	private static String label(double multiple) {
		return multiple == Math.rint(multiple) ? (long) multiple + "x" : multiple + "x";
	}

	private static final class Builder {

		private final List<RunRecord.Phase> phases = new ArrayList<>();

		Builder phase(String name, int seconds, double from, double to) {
			int start = phases.isEmpty() ? 0 : phases.getLast().toSecond();
			phases.add(new RunRecord.Phase(name, start, start + seconds, from, to));
			return this;
		}

		Profile build() {
			return new Profile(List.copyOf(phases));
		}

	}

}
