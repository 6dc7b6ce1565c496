package io.zonepay.service.zone;

import org.springframework.core.Ordered;

/**
 * The order of ZonePay's servlet filters: stamp the zone, then drop a request nobody
 * waits for, then know the caller and its traffic (real or shadow), then check the shard,
 * then bound the work taken.
 */
public final class FilterOrder {

	/**
	 * After Spring's observation filter, so log lines of the request carry its trace id.
	 */
	public static final int ZONE_CONTEXT = Ordered.HIGHEST_PRECEDENCE + 10;

	public static final int DEADLINE = ZONE_CONTEXT + 1;

	public static final int CALLER = DEADLINE + 1;

	public static final int TRAFFIC = CALLER + 1;

	public static final int ZONE_GUARD = TRAFFIC + 1;

	/** Once the request is known to be for this zone, and from whom. */
	public static final int WORK_LIMIT = ZONE_GUARD + 1;

	private FilterOrder() {
	}

}
