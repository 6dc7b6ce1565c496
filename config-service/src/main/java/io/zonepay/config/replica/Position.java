package io.zonepay.config.replica;

import java.time.Instant;

import io.zonepay.config.global.Watermark;

/**
 * Where a CZone stands: every change up to {@code version} applied, complete as of {@code sourceTime} on the GZone's
 * clock, and {@code nextOffset} the next Kafka record to read. Stored in the same transaction as the data.
 */
record Position(long version, Instant sourceTime, long nextOffset) {

	Watermark watermark() {
		return new Watermark(version, sourceTime);
	}
}
