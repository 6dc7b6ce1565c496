package io.zonepay.platform;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything a drill saw, for its report.
 *
 * @param zoneShards the shards the disrupted zone served when the drill began
 * @param disruptedAt when the kill was sent or the move asked for, on the load's timeline
 * @param disruption what was done, in a line
 * @param figures what the disruption measured itself, a line each
 * @param figuresHold whether those figures are within their bounds (global writes resumed
 * in time)
 */
record DrillResult(DrillOptions options, String run, LocalDateTime startedAt, Population population, long epochBefore,
		List<Integer> zoneShards, Duration disruptedAt, String disruption, RoutingWatch.Handover handover,
		List<String> figures, boolean figuresHold, DrillLoad.LoadResult load, Settlement.Settled settled,
		List<DrillAudit.Check> audit) {

	boolean auditPassed() {
		return audit.stream().allMatch(DrillAudit.Check::passed);
	}

	/**
	 * The audit always; no failed request where the drill promises it (a drain, a zone, a
	 * CZone or the GZone down); every outcome known after a broker stall or a pause; the
	 * drill's own figures within their bounds.
	 */
	boolean passed() {
		boolean requestsHold = !options.kind().noRequestMayFail() || failedRequests() == 0;
		boolean outcomesKnown = !options.kind().outcomesMustBeKnown() || unknownOutcomes() == 0;
		return auditPassed() && requestsHold && outcomesKnown && figuresHold;
	}

	long failedRequests() {
		return DrillFigures.failedFrom(load.attempts(), disruptedAt);
	}

	/** Operations whose client still does not know how they ended, after the settling. */
	long unknownOutcomes() {
		return settled.operations()
			.stream()
			.filter(operation -> operation.outcome() == Operation.Outcome.UNKNOWN)
			.count();
	}
}
