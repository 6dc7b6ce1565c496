package io.zonepay.config.supervision;

import java.time.Duration;
import java.util.Map;

import io.zonepay.kernel.zone.ZoneId;

/**
 * What the gateways see of the RZones on the request path: for each zone, the longest
 * time any gateway has had requests waiting on it and not one answer. A frozen zone is
 * silent to its traffic; a busy one answers, slowly.
 */
interface RequestPathView {

	/**
	 * The silence of each zone some gateway reports; a zone no gateway reports as silent
	 * is absent. Returns within a bound.
	 */
	Map<ZoneId, Duration> silences();

}
