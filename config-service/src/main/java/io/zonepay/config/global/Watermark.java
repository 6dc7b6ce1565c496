package io.zonepay.config.global;

import java.time.Instant;

/**
 * How far a copy of global data reaches: every change up to {@code version} is in it, and
 * it is known to be complete as of {@code sourceTime} on the GZone's clock.
 */
public record Watermark(long version, Instant sourceTime) {
}
