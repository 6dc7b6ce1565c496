package io.zonepay.config.replica;

import io.zonepay.config.global.Watermark;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/** {@code STALE} while the copy is older than the bound (reads then go to the GZone), {@code UP} otherwise. */
final class ReplicaHealthIndicator implements HealthIndicator {

	static final Status STALE = new Status("STALE", "older than the staleness bound; reads fall back to the GZone");

	private final ReplicaState state;

	ReplicaHealthIndicator(ReplicaState state) {
		this.state = state;
	}

	@Override
	public Health health() {
		Watermark watermark = state.watermark();
		return Health.status(state.fresh() ? Status.UP : STALE)
			.withDetail("version", watermark.version())
			.withDetail("stalenessMs", state.staleness().toMillis())
			.withDetail("boundMs", state.bound().toMillis())
			.build();
	}
}
