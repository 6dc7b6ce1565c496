package io.zonepay.gateway.ops;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.zonepay.gateway.admission.ZoneLimiters;

/**
 * What one gateway, or several merged, routed to each zone, second by second from
 * {@code from} to {@code to} (epoch seconds, both included; the second still filling is
 * never in it): the body of {@code GET /ops/traffic}, and the history in
 * {@code GET /ops/state}.
 *
 * @param gateways the cities whose gateways it counts
 * @param zones each zone's series
 * @param limits each zone's concurrency limit and requests in flight now, summed over the
 * gateways
 */
record Traffic(List<String> gateways, long from, long to, Map<String, ZoneSeries> zones,
		Map<String, ZoneLimiters.Level> limits) {

	int length() {
		return (int) Math.max(0, to - from + 1);
	}

	/** Whether a peer's answer can be merged: every series as long as its seconds. */
	boolean wellFormed() {
		return gateways != null && zones != null && limits != null && to - from + 1 >= 0
				&& to - from + 1 <= ZoneSeconds.SECONDS
				&& zones.values()
					.stream()
					.allMatch(series -> series != null && series.wellFormed() && series.length() == length());
	}

	/** Only these zones. */
	Traffic only(Collection<String> kept) {
		Map<String, ZoneSeries> series = new TreeMap<>(zones);
		series.keySet().retainAll(kept);
		Map<String, ZoneLimiters.Level> levels = new TreeMap<>(limits);
		levels.keySet().retainAll(kept);
		return new Traffic(gateways, from, to, series, levels);
	}

	/** Every zone's series added up (the 99th percentile is the worst zone's). */
	ZoneSeries total() {
		ZoneSeries total = ZoneSeries.empty(length());
		zones.values().forEach(series -> total.add(series, 0));
		return total;
	}

	/**
	 * This gateway's traffic with its peers', over this gateway's seconds: a peer whose
	 * clock is a second apart has its seconds placed by their time, and the ones outside
	 * this gateway's window left out.
	 */
	static Traffic merge(Traffic own, List<Traffic> peers) {
		List<String> gateways = new ArrayList<>(own.gateways());
		Map<String, ZoneSeries> zones = new TreeMap<>();
		Map<String, ZoneLimiters.Level> limits = new TreeMap<>();
		List<Traffic> all = new ArrayList<>(List.of(own));
		all.addAll(peers);
		for (Traffic part : all) {
			if (part != own) {
				gateways.addAll(part.gateways());
			}
			int offset = (int) Math.clamp(part.from() - own.from(), -(long) Integer.MAX_VALUE, Integer.MAX_VALUE);
			part.zones()
				.forEach((zone, series) -> zones.computeIfAbsent(zone, ignored -> ZoneSeries.empty(own.length()))
					.add(series, offset));
			part.limits()
				.forEach((zone, level) -> limits.merge(zone, level,
						(a, b) -> new ZoneLimiters.Level(a.limit() + b.limit(), a.inflight() + b.inflight())));
		}
		return new Traffic(List.copyOf(gateways), own.from(), own.to(), zones, limits);
	}

}
