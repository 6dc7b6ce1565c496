package io.zonepay.gateway.admission;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Each zone's limiter at this gateway, created with its first request. Publishes the
 * limit and the requests in flight per zone ({@code zonepay.gateway.zone.limit},
 * {@code zonepay.gateway.zone.inflight}).
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class)
public class ZoneLimiters {

	private final AdmissionProperties properties;

	private final MeterRegistry meters;

	private final Map<String, ZoneLimiter> zones = new ConcurrentHashMap<>();

	ZoneLimiters(AdmissionProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.meters = meters;
	}

	ZoneLimiter of(String zone) {
		return zones.computeIfAbsent(zone, this::create);
	}

	private ZoneLimiter create(String zone) {
		ZoneLimiter limiter = new ZoneLimiter(properties);
		Gauge.builder("zonepay.gateway.zone.limit", limiter, ZoneLimiter::limit)
			.description("How many requests this gateway may have in flight at the zone")
			.tag("zone", zone)
			.register(meters);
		Gauge.builder("zonepay.gateway.zone.inflight", limiter, ZoneLimiter::inflight)
			.description("Requests this gateway has in flight at the zone")
			.tag("zone", zone)
			.register(meters);
		return limiter;
	}

	/** Each zone's limit and requests in flight now, by zone id. */
	public Map<String, Level> levels() {
		Map<String, Level> levels = new TreeMap<>();
		zones.forEach((zone, limiter) -> levels.put(zone, new Level(limiter.limit(), limiter.inflight())));
		return levels;
	}

	/** How full a zone is at this gateway: requests in flight against the limit. */
	public record Level(int limit, int inflight) {
	}

}
