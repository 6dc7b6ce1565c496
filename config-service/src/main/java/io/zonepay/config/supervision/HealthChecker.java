package io.zonepay.config.supervision;

import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;

/** Asks RZones whether they are alive. */
interface HealthChecker {

	/**
	 * What a check of every service of each zone saw: all answered healthy in time, one
	 * refused or answered unhealthy, or one did not answer in time (when both, refused).
	 * Returns within a bound however the zones behave; a zone it cannot check (one
	 * without endpoints) is left out rather than guessed.
	 */
	Map<ZoneId, Check> check(List<Zone> zones);

}
