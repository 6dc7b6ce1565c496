package io.zonepay.config.supervision;

import java.time.Instant;
import java.util.List;

import io.zonepay.config.supervision.ZoneHealth.Health;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;

import org.jspecify.annotations.Nullable;

/**
 * One zone as {@code GET /admin/zones} shows it.
 *
 * @param status what the routing table says: whether the zone takes traffic
 * @param health what the last check saw: for an RZone the supervisor's, for a CZone
 * whether it told its staleness
 * @param lastCheck when that check was, ISO-8601; {@code null} before the first
 * @param shards the shards an RZone serves, two digits each; none for other zones
 * @param stalenessMs how old a CZone's copy of global data is; {@code null} for other
 * zones and a CZone that did not answer
 */
record ZoneReport(String zoneId, ZoneKind kind, String city, ZoneStatus status, Health health, int consecutiveMisses,
		@Nullable String lastCheck, List<String> shards, @Nullable Long stalenessMs) {

	static ZoneReport rzone(Zone zone, ZoneHealth health, List<Shard> shards) {
		return new ZoneReport(zone.id().value(), zone.kind(), zone.city().value(), zone.status(), health.health(),
				health.misses(), health.lastCheck() == null ? null : health.lastCheck().toString(),
				shards.stream().map(Shard::toString).toList(), null);
	}

	static ZoneReport czone(Zone zone, @Nullable Long stalenessMs, Instant asked) {
		boolean answered = stalenessMs != null;
		return new ZoneReport(zone.id().value(), zone.kind(), zone.city().value(), zone.status(),
				answered ? Health.UP : Health.DOWN, answered ? 0 : 1, asked.toString(), List.of(), stalenessMs);
	}

	/** The GZone is the one answering. */
	static ZoneReport gzone(Zone zone) {
		return new ZoneReport(zone.id().value(), zone.kind(), zone.city().value(), zone.status(), Health.UP, 0, null,
				List.of(), null);
	}
}
