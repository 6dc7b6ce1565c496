package io.zonepay.config.replica;

import java.time.Instant;

import io.zonepay.config.global.Watermark;

/**
 * Where a copy stands: every change up to {@code version} applied, complete as of
 * {@code sourceTime} on the GZone's clock, {@code nextOffset} the next Kafka record to
 * read, and {@code term} the newest writer's term seen on the log. Stored in the same
 * transaction as the data.
 */
public record Position(long version, Instant sourceTime, long nextOffset, long term) {

	Watermark watermark() {
		return new Watermark(version, sourceTime);
	}
}
