package io.zonepay.config.supervision;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.kernel.zone.ZoneId;

/**
 * The supervisor's meters: each RZone's health as last checked, and every failover by
 * zone and trigger.
 */
final class ZoneMeters {

	private final MeterRegistry registry;

	private final Set<ZoneId> gauged = ConcurrentHashMap.newKeySet();

	ZoneMeters(MeterRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Shows a zone's health as {@code zonepay.zone.health}: 1 up, 0 down, NaN before its
	 * first check.
	 */
	void gauge(ZoneId zone, Supplier<ZoneHealth> health) {
		if (gauged.add(zone)) {
			Gauge.builder("zonepay.zone.health", () -> switch (health.get().health()) {
				case UP -> 1;
				case DOWN -> 0;
				case UNKNOWN -> Double.NaN;
			})
				.description("Whether every service of the zone answered its last health check")
				.tag("zone", zone.value())
				.register(registry);
		}
	}

	void failedOver(ZoneId zone, Trigger trigger) {
		Counter.builder("zonepay.failovers")
			.description("Zones whose shards were moved away because they failed")
			.tag("zone", zone.value())
			.tag("trigger", trigger.name().toLowerCase(Locale.ROOT))
			.register(registry)
			.increment();
	}

	/** Who failed a zone over: the supervisor by itself, or an operator. */
	enum Trigger {

		AUTO, MANUAL

	}

}
