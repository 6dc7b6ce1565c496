package io.zonepay.gateway.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.zonepay.gateway.admission.PriorityClass;
import io.zonepay.gateway.admission.ZoneLimiters;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What this gateway routed to each zone over the last five minutes, second by second:
 * requests, payments, zone errors, sheds by class and the 99th percentile of latency.
 * Kept in memory, a fixed ring per zone ({@link ZoneSeconds}); read by the operations
 * page and the water levels.
 *
 * <p>
 * Our own ring rather than a library's: Micrometer's meters keep one value or a decaying
 * window, not a history, and the page must show the last minutes from the gateway alone,
 * with no Prometheus to ask.
 */
@Component
class TrafficHistory {

	/**
	 * Zone ids come from the routing table, so there are only so many; past this bound a
	 * new zone is not recorded rather than grow the map.
	 */
	static final int MAX_ZONES = 64;

	private final Map<String, ZoneSeconds> zones = new ConcurrentHashMap<>();

	private final LongSupplier clock;

	TrafficHistory() {
		this(() -> System.currentTimeMillis() / 1_000);
	}

	/**
	 * @param clock the current epoch second
	 */
	TrafficHistory(LongSupplier clock) {
		this.clock = clock;
	}

	/**
	 * One request this gateway routed to a zone.
	 * @return whether it was the zone's first
	 * @see ZoneSeconds#record
	 */
	boolean record(String zone, int status, long nanos, boolean payment, @Nullable PriorityClass shed) {
		ZoneSeconds seconds = zones.get(zone);
		boolean first = false;
		if (seconds == null) {
			if (zones.size() >= MAX_ZONES) {
				return false;
			}
			ZoneSeconds created = new ZoneSeconds(clock);
			seconds = zones.putIfAbsent(zone, created);
			if (seconds == null) {
				seconds = created;
				first = true;
			}
		}
		seconds.record(status, nanos / 1_000, payment, shed);
		return first;
	}

	/** The second still filling. */
	long now() {
		return clock.getAsLong();
	}

	/**
	 * This gateway's traffic over the complete seconds after {@code since} (all five
	 * minutes when it is null or older).
	 * @param gateway this gateway's city
	 * @param limits each zone's limit and requests in flight now
	 */
	Traffic snapshot(String gateway, @Nullable Long since, Map<String, ZoneLimiters.Level> limits) {
		long to = now() - 1;
		long oldest = to - ZoneSeconds.SECONDS + 1;
		long from = since == null ? oldest : Math.clamp(since + 1, oldest, to + 1);
		Map<String, ZoneSeries> series = new TreeMap<>();
		zones.forEach((zone, seconds) -> series.put(zone, seconds.series(from, to)));
		return new Traffic(List.of(gateway), from, to, series, new TreeMap<>(limits));
	}

	/**
	 * The requests routed to a zone per second over the last {@code seconds} complete
	 * seconds.
	 */
	double requestsPerSecond(String zone, int seconds) {
		ZoneSeconds ring = zones.get(zone);
		long to = now() - 1;
		return ring == null ? 0 : ring.requests(to - seconds + 1, to) / (double) seconds;
	}

}
