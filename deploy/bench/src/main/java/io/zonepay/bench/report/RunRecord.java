package io.zonepay.bench.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a Double-11 run recorded, second by second: the report's only input, kept as JSON
 * inside the report itself, so that a later run can be compared with it from the report
 * file alone. Classes are named as the gateway names them ({@code checkout},
 * {@code transfer}, {@code read}, {@code background}); zones by id ({@code rz1} ...).
 *
 * @param schema the version of this layout (1)
 * @param title what ran, in words ("Double 11 on ./zonepay up, 8x spike")
 * @param startedAt when the load started
 * @param target what was loaded
 * @param capacity what the knee search found before the load
 * @param phases the load's shape: warm-up, ramp, spike, hold, decay (or steps)
 * @param seconds one entry per second of load, from 0
 * @param summary one row per phase
 * @param fullLink for a full-link run (the load as shadow traffic): the real traffic
 * offered beside it and the audits of both sets of books; {@code null} otherwise
 */
public record RunRecord(int schema, String title, Instant startedAt, Target target, Capacity capacity,
		List<Phase> phases, List<Second> seconds, List<PhaseSummary> summary, @Nullable FullLink fullLink) {

	/** A run with no real traffic beside it. */
	public RunRecord(int schema, String title, Instant startedAt, Target target, Capacity capacity, List<Phase> phases,
			List<Second> seconds, List<PhaseSummary> summary) {
		this(schema, title, startedAt, target, capacity, phases, seconds, summary, null);
	}

	/**
	 * A full-link load test: the load ({@link RunRecord#seconds()}) was shadow traffic,
	 * tagged and kept in the shadow schemas, while real users kept paying.
	 *
	 * @param realOperationsPerSecond the real operations offered per second, throughout
	 * @param realSeconds the real traffic, second by second, as
	 * {@link RunRecord#seconds()}
	 * @param realSummary the real traffic, one row per phase of the load
	 * @param audits the books audited after the run: the shadow books, the real books,
	 * and whether the real books moved only by real traffic
	 */
	public record FullLink(double realOperationsPerSecond, List<Second> realSeconds, List<PhaseSummary> realSummary,
			List<Audit> audits) {

		/** Whether every audit passed (and there was at least one). */
		public boolean audited() {
			return !audits.isEmpty() && audits.stream().allMatch(Audit::passed);
		}
	}

	/**
	 * @param name what was audited
	 * @param passed its verdict
	 * @param lines what it checked and what it found wrong, one line each
	 */
	public record Audit(String name, boolean passed, List<String> lines) {
	}

	public static final int SCHEMA = 1;

	/**
	 * @param platform {@code zonepay up} or {@code compose}
	 * @param gateways the base URLs the load went through
	 * @param cores the machine's processors, load client included
	 */
	public record Target(String platform, List<String> gateways, int cores) {
	}

	/**
	 * The platform's capacity for the run's mix of operations, found by offering more
	 * until goodput stopped following (the knee).
	 *
	 * @param operationsPerSecond operations of the mix per second at the knee
	 * @param checkoutsPerSecond the checkouts (order + payment) among them
	 * @param zones each zone's requests per second at the knee
	 * @param steps what each step of the search offered and got
	 */
	public record Capacity(double operationsPerSecond, double checkoutsPerSecond, Map<String, Double> zones,
			List<KneeStep> steps) {
	}

	/**
	 * @param offered operations per second offered
	 * @param goodput operations per second that succeeded
	 * @param p99Ms 99th percentile latency of the admitted requests, ms
	 * @param shedShare the share of requests the gateways shed
	 */
	public record KneeStep(double offered, double goodput, double p99Ms, double shedShare) {
	}

	/**
	 * @param name {@code warm-up}, {@code ramp}, {@code spike}, {@code hold},
	 * {@code decay}, or {@code 2x} for a step
	 * @param fromSecond its first second
	 * @param toSecond the second after its last
	 * @param startMultiple the offered load at its start, as a multiple of capacity
	 * @param endMultiple at its end (a ramp changes linearly in between)
	 */
	public record Phase(String name, int fromSecond, int toSecond, double startMultiple, double endMultiple) {
	}

	/**
	 * One second of the run. Counts are of operations started in that second (a checkout
	 * is one operation of two requests), by class.
	 *
	 * @param t seconds since the load started
	 * @param phase the phase it belongs to
	 * @param multiple the offered load as a multiple of capacity
	 * @param offered operations started, by class
	 * @param admitted those not shed, by class
	 * @param succeeded those that did what they asked, by class
	 * @param shed those refused to protect a zone, after the client's retries: by a
	 * gateway ({@code OVERLOADED}, {@code RATE_LIMITED}) or by the zone's service past
	 * its capacity ({@code SERVICE_BUSY}), by class
	 * @param errors failures other than sheds, by problem code ({@code TIMEOUT} and
	 * {@code IO} when no answer came)
	 * @param latency latency of the admitted checkout requests answered in that second,
	 * per zone and {@code all}
	 * @param waterLevel each zone's load against its capacity: its admitted requests per
	 * second over the requests per second it managed at the knee
	 * @param cpuMs CPU-ms used in that second, per process group ({@code machine} for
	 * all); empty when the platform is not on this machine
	 */
	public record Second(int t, String phase, double multiple, Map<String, Integer> offered,
			Map<String, Integer> admitted, Map<String, Integer> succeeded, Map<String, Integer> shed,
			Map<String, Integer> errors, Map<String, Latency> latency, Map<String, Double> waterLevel,
			Map<String, Double> cpuMs) {
	}

	/** Latency percentiles in ms, and how many answers they are of. */
	public record Latency(double p50, double p99, double p999, long count) {
	}

	/**
	 * One phase in figures.
	 *
	 * @param multiple its offered load as a multiple of capacity (the mean for a ramp or
	 * a decay)
	 * @param offeredPerSecond operations per second offered
	 * @param checkoutGoodput checkouts per second that succeeded
	 * @param checkoutShareOfCapacity those against the checkouts per second at the knee
	 * @param checkoutP99Ms 99th percentile latency of admitted checkout requests, ms
	 * @param shedShare by class, the share of its operations shed
	 * @param errors failures other than sheds
	 */
	public record PhaseSummary(String phase, double multiple, double offeredPerSecond, double checkoutGoodput,
			double checkoutShareOfCapacity, double checkoutP99Ms, Map<String, Double> shedShare, long errors) {
	}

}
