package io.zonepay.config.global;

import java.time.Instant;
import java.util.List;

/** All global data at one version: what an empty CZone starts from. */
public record Snapshot(long version, Instant sourceTime, List<Entity> entities) {
}
