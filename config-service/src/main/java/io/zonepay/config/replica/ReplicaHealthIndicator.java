package io.zonepay.config.replica;

import io.zonepay.config.global.Watermark;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code STALE} while the copy is older than the bound (reads then go to the GZone),
 * {@code DEGRADED} while the writer is unavailable everywhere (the copy serves its last
 * version, marked), {@code UP} otherwise.
 */
final class ReplicaHealthIndicator implements HealthIndicator {

	static final Status STALE = new Status("STALE", "older than the staleness bound; reads fall back to the GZone");

	static final Status DEGRADED = new Status("DEGRADED",
			"the writer is unavailable everywhere; the copy serves its last applied version");

	private final ReplicaState state;

	private final WriterWatch writer;

	ReplicaHealthIndicator(ReplicaState state, WriterWatch writer) {
		this.state = state;
		this.writer = writer;
	}

	@Override
	public Health health() {
		Watermark watermark = state.watermark();
		return Health.status(state.fresh() ? Status.UP : writer.writerUnavailable() ? DEGRADED : STALE)
			.withDetail("writerReachable", writer.writerReachable())
			.withDetail("version", watermark.version())
			.withDetail("stalenessMs", state.staleness().toMillis())
			.withDetail("boundMs", state.bound().toMillis())
			.build();
	}

}
