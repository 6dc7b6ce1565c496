package io.zonepay.config.global;

import java.time.Instant;

/** One committed write to global data, as the change log holds it and Kafka carries it. */
public record Change(Entity entity, Instant committedAt) {

	public long version() {
		return entity.version();
	}
}
