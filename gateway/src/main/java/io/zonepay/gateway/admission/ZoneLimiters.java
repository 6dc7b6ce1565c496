package io.zonepay.gateway.admission;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.runtime.global.GlobalData;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Each zone's limiter at this gateway, created with its first request and again when the
 * zone's measured capacity changes: the limit starts where the capacity says the zone
 * holds its latency target (Little's law: requests per second times the target), and
 * adapts from there. Publishes the limit and the requests in flight per zone
 * ({@code zonepay.gateway.zone.limit}, {@code zonepay.gateway.zone.inflight}).
 */
@Component
@EnableConfigurationProperties(AdmissionProperties.class)
public class ZoneLimiters {

	private final AdmissionProperties properties;

	private final MeterRegistry meters;

	/** A zone's measured capacity in requests per second; 0 while unmeasured. */
	private final ToLongFunction<String> capacity;

	private final Map<String, Sized> zones = new ConcurrentHashMap<>();

	@Autowired
	ZoneLimiters(AdmissionProperties properties, MeterRegistry meters, ObjectProvider<GlobalData> global) {
		this(properties, meters, new Capacities(global));
	}

	ZoneLimiters(AdmissionProperties properties, MeterRegistry meters, ToLongFunction<String> capacity) {
		this.properties = properties;
		this.meters = meters;
		this.capacity = capacity;
	}

	ZoneLimiter of(String zone) {
		long measured = capacity.applyAsLong(zone);
		Sized current = zones.get(zone);
		if (current != null && current.capacity() == measured) {
			return current.limiter();
		}
		return zones.compute(zone, (id, sized) -> sized != null && sized.capacity() == measured ? sized
				: create(id, measured, sized == null))
			.limiter();
	}

	private Sized create(String zone, long measured, boolean first) {
		ZoneLimiter limiter = new ZoneLimiter(sizedFor(measured));
		if (first) {
			Gauge.builder("zonepay.gateway.zone.limit", this, limiters -> limiters.level(zone).limit())
				.description("How many requests this gateway may have in flight at the zone")
				.tag("zone", zone)
				.register(meters);
			Gauge.builder("zonepay.gateway.zone.inflight", this, limiters -> limiters.level(zone).inflight())
				.description("Requests this gateway has in flight at the zone")
				.tag("zone", zone)
				.register(meters);
		}
		return new Sized(measured, limiter);
	}

	/**
	 * The settings for a zone of the measured capacity: it starts at twice the requests
	 * the capacity keeps in flight at the latency target (arrivals come in bursts, and a
	 * zone that takes another's shards in a move gets more than its share), and never
	 * grows past four times that.
	 */
	AdmissionProperties sizedFor(long measured) {
		if (measured <= 0) {
			return properties;
		}
		int atTarget = (int) Math.ceil(2 * measured * properties.latencyTarget().toNanos() / 1e9);
		int initial = Math.max(properties.minLimit(), atTarget);
		int max = Math.max(initial, Math.min(properties.maxLimit(), 4 * initial));
		return new AdmissionProperties(properties.enabled(), initial, properties.minLimit(), max,
				properties.latencyTarget(), properties.backoff(), properties.window(), properties.retryAfter());
	}

	/** Each zone's limit and requests in flight now, by zone id. */
	public Map<String, Level> levels() {
		Map<String, Level> levels = new TreeMap<>();
		zones.keySet().forEach(zone -> levels.put(zone, level(zone)));
		return levels;
	}

	private Level level(String zone) {
		Sized sized = zones.get(zone);
		return sized == null ? new Level(0, 0) : new Level(sized.limiter().limit(), sized.limiter().inflight());
	}

	/** How full a zone is at this gateway: requests in flight against the limit. */
	public record Level(int limit, int inflight) {
	}

	/**
	 * The zones' measured capacities from the gateway's global data, read again only when
	 * its version moves: this runs for every request.
	 */
	private static final class Capacities implements ToLongFunction<String> {

		private final ObjectProvider<GlobalData> provider;

		private volatile @Nullable GlobalData global;

		private volatile long version = -1;

		private volatile Map<String, Long> byZone = new ConcurrentHashMap<>();

		Capacities(ObjectProvider<GlobalData> provider) {
			this.provider = provider;
		}

		@Override
		public long applyAsLong(String zone) {
			GlobalData data = global;
			if (data == null) {
				data = provider.getIfAvailable();
				if (data == null) {
					return 0;
				}
				global = data;
			}
			if (data.view() == null) {
				// Global data not read yet (its CZone away since the start): unmeasured,
				// not a refusal.
				return 0;
			}
			long now = data.version();
			if (now != version) {
				byZone = new ConcurrentHashMap<>();
				version = now;
			}
			GlobalData read = data;
			return byZone.computeIfAbsent(zone, id -> read.switches().capacity(ZoneId.of(id)));
		}

	}

	/** A zone's limiter and the capacity it was sized for. */
	private record Sized(long capacity, ZoneLimiter limiter) {
	}

}
