package io.zonepay.config.supervision;

import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;

/** Asks RZones whether they are alive. */
interface HealthChecker {

	/**
	 * Whether every service of each zone answered healthy in time. Returns within a bound however the zones behave;
	 * a zone it cannot check (one without endpoints) is left out rather than guessed.
	 */
	Map<ZoneId, Boolean> check(List<Zone> zones);
}
