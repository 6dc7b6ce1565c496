package io.zonepay.config.global;

import java.time.Instant;

/**
 * One committed write to global data, under the writer's term, as the change log holds it
 * and Kafka carries it.
 */
public record Change(Entity entity, Instant committedAt, long term) {

	public long version() {
		return entity.version();
	}
}
