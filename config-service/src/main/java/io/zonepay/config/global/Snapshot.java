package io.zonepay.config.global;

import java.time.Instant;
import java.util.List;

/**
 * All global data at one version, written under {@code term}: what an empty CZone or
 * standby starts from.
 */
public record Snapshot(long version, Instant sourceTime, List<Entity> entities, long term) {

	public Snapshot {
		term = Math.max(1, term);
	}
}
