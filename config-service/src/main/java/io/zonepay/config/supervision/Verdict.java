package io.zonepay.config.supervision;

import io.zonepay.config.supervision.ZoneMeters.Trigger;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * One decision of the supervisor about one zone, told once it is stored.
 *
 * @param status the zone's new status
 * @param checks the checks in a row that decided it; 0 when the zone was DOWN already and
 * only its shards moved
 * @param shards how many shards the zone served when it went DOWN
 * @param takenBy the zone its shards moved to, if they did
 * @param automatic whether {@code failover.auto} was on
 */
record Verdict(ZoneId zone, ZoneStatus status, int checks, int shards, @Nullable ZoneId takenBy, boolean automatic) {

	/** Logged as the supervisor, whose decisions these are. */
	private static final Logger log = LoggerFactory.getLogger(ZoneSupervisor.class);

	/** Logs the decision as stored in a table, and counts it when it was a failover. */
	void report(RoutingTable table, ZoneMeters meters) {
		if (status == ZoneStatus.UP) {
			log.info(
					"Zone {} answered {} checks in a row: UP at epoch {}, serving {} shards"
							+ "; POST /admin/routing/moves gives it more",
					zone, checks, table.epoch(), table.shardsOf(zone).size());
		}
		else if (takenBy != null) {
			meters.failedOver(zone, Trigger.AUTO);
			log.warn("Zone {} {}: DOWN at epoch {}, its {} shards moved to {}", zone, why(), table.epoch(), shards,
					takenBy);
		}
		else if (shards == 0) {
			log.warn("Zone {} {}: DOWN at epoch {}; it served no shards", zone, why(), table.epoch());
		}
		else if (!automatic) {
			log.warn(
					"Zone {} {}: DOWN at epoch {}; failover.auto is off"
							+ ", so its {} shards stay with it until an operator fails it over",
					zone, why(), table.epoch(), shards);
		}
		else {
			log.error("Zone {} {}: DOWN at epoch {}, but no UP RZone is left to take its {} shards; they stay with it",
					zone, why(), table.epoch(), shards);
		}
	}

	private String why() {
		return checks > 0 ? "missed " + checks + " health checks in a row" : "was DOWN already";
	}
}
