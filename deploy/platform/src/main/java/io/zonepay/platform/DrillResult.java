package io.zonepay.platform;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Everything a drill saw, for its report.
 * @param zoneShards the shards the disrupted zone served when the drill began
 * @param disruptedAt when the kill was sent or the move asked for, on the load's timeline
 * @param disruption what was done, in a line
 */
record DrillResult(DrillOptions options, String run, LocalDateTime startedAt, Population population, long epochBefore, List<Integer> zoneShards,
		Duration disruptedAt, String disruption, RoutingWatch.Handover handover, DrillLoad.LoadResult load, Settlement.Settled settled,
		List<DrillAudit.Check> audit) {

	boolean auditPassed() {
		return audit.stream().allMatch(DrillAudit.Check::passed);
	}

	/** A drain promises no failed request; a zone that dies takes requests with it, and the audit is what must hold. */
	boolean passed() {
		return auditPassed() && (options.kind() != DrillOptions.Kind.DRAIN || DrillFigures.failedFrom(load.attempts(), disruptedAt) == 0);
	}
}
