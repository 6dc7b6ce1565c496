package io.zonepay.gateway.ops;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;

import io.zonepay.gateway.admission.ZoneLimiters;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.runtime.routing.RoutingTables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The body of {@code GET /ops/state}: the routing table's zones with the traffic of this
 * gateway and its peers to each (asked in parallel, each for at most the timeout), their
 * water levels, which zone owns each shard, and each CZone's staleness.
 */
final class OpsState {

	/** The seconds the zone table's figures are over. */
	static final int SUMMARY_SECONDS = 10;

	private static final String WATERMARK = "/api/global/watermark";

	private final String city;

	private final RoutingTables tables;

	private final TrafficHistory history;

	private final WaterLevels waterLevels;

	private final ZoneLimiters limiters;

	private final CallerSigner signer;

	private final WebClient client;

	private final OpsProperties properties;

	OpsState(String city, RoutingTables tables, TrafficHistory history, WaterLevels waterLevels, ZoneLimiters limiters,
			CallerSigner signer, WebClient client, OpsProperties properties) {
		this.city = city;
		this.tables = tables;
		this.history = history;
		this.waterLevels = waterLevels;
		this.limiters = limiters;
		this.signer = signer;
		this.client = client;
		this.properties = properties;
	}

	/**
	 * The state, with the seconds of history after {@code since} (at least the last ten,
	 * which the zone table is about), or all five minutes.
	 */
	Mono<Map<String, Object>> of(@Nullable Long since) {
		long latest = history.now() - 1 - SUMMARY_SECONDS;
		Long from = since == null ? null : Math.min(since, latest);
		Traffic own = history.snapshot(city, from, limiters.levels());
		RoutingTable table = tables.current();
		List<Zone> zones = table == null ? List.of()
				: table.zones().stream().sorted(Comparator.comparing(zone -> zone.id().value())).toList();
		Mono<List<PeerAnswer>> peers = Flux.fromIterable(properties.peers())
			.flatMapSequential(peer -> traffic(peer, own.from() - 1))
			.collectList();
		Mono<List<Map<String, Object>>> czones = Flux.fromIterable(zones)
			.filter(zone -> zone.kind() == ZoneKind.CZONE)
			.flatMapSequential(this::staleness)
			.collectList();
		return Mono.zip(peers, czones).map(answers -> state(table, zones, own, answers.getT1(), answers.getT2()));
	}

	private Map<String, Object> state(@Nullable RoutingTable table, List<Zone> zones, Traffic own,
			List<PeerAnswer> peers, List<Map<String, Object>> czones) {
		List<Traffic> answered = peers.stream().map(PeerAnswer::traffic).filter(Objects::nonNull).toList();
		List<String> rzones = zones.stream()
			.filter(zone -> zone.kind() == ZoneKind.RZONE)
			.map(zone -> zone.id().value())
			.toList();
		Traffic merged = Traffic.merge(own, answered).only(rzones);
		List<Map<String, Object>> gateways = new ArrayList<>();
		gateways.add(Map.of("gateway", city, "reachable", true));
		peers.forEach(peer -> gateways.add(peer.row()));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("gateway", city);
		state.put("epoch", table == null ? 0 : table.epoch());
		state.put("zones", rows(table, zones, merged));
		state.put("owners", table == null ? List.of()
				: IntStream.range(0, Shard.COUNT).mapToObj(shard -> table.ownerOf(Shard.of(shard)).value()).toList());
		state.put("czones", czones);
		state.put("gateways", gateways);
		Map<String, Object> traffic = new LinkedHashMap<>();
		traffic.put("gateways", merged.gateways());
		traffic.put("from", merged.from());
		traffic.put("to", merged.to());
		traffic.put("zones", merged.zones());
		traffic.put("total", merged.total());
		state.put("history", traffic);
		return state;
	}

	private List<Map<String, Object>> rows(@Nullable RoutingTable table, List<Zone> zones, Traffic merged) {
		List<Map<String, Object>> rows = new ArrayList<>();
		if (table == null) {
			return rows;
		}
		for (Zone zone : zones) {
			if (zone.kind() != ZoneKind.RZONE) {
				continue;
			}
			String id = zone.id().value();
			ZoneSeries series = merged.zones().getOrDefault(id, ZoneSeries.empty(merged.length()));
			ZoneSeries.Summary summary = series.summary(SUMMARY_SECONDS);
			WaterLevel water = WaterLevel.of(series.summary(WaterLevel.WINDOW_SECONDS).requestsPerSecond(),
					waterLevels.capacity(id), merged.limits().get(id));
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("zone", id);
			row.put("city", zone.city().value());
			row.put("status", zone.status().name());
			row.put("shards", ranges(table.shardsOf(zone.id())));
			row.put("shardCount", table.shardsOf(zone.id()).size());
			row.put("requestsPerSecond", round(summary.requestsPerSecond()));
			row.put("shedPerSecond", round(summary.shedPerSecond()));
			row.put("errorRate", round(summary.errorRate()));
			row.put("p99Ms", round(summary.p99Millis()));
			row.put("water", water);
			rows.add(row);
		}
		return rows;
	}

	/**
	 * A peer gateway's traffic after {@code since} (under {@code traffic}), or that it
	 * did not answer in time or readably.
	 */
	private Mono<PeerAnswer> traffic(URI peer, long since) {
		URI uri = UriComponentsBuilder.fromUri(peer).path("/ops/traffic").queryParam("since", since).build().toUri();
		return client.get().uri(uri).retrieve().bodyToMono(Traffic.class).timeout(properties.timeout()).map(traffic -> {
			if (!traffic.wellFormed()) {
				return PeerAnswer.unreachable(peer, "answered traffic this gateway cannot read");
			}
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("peer", peer.toString());
			row.put("gateway", String.join(",", traffic.gateways()));
			row.put("reachable", true);
			return new PeerAnswer(row, traffic);
		})
			.onErrorResume(failure -> Mono.just(PeerAnswer.unreachable(peer,
					failure instanceof TimeoutException ? "no answer within " + properties.timeout().toMillis() + " ms"
							: String.valueOf(failure.getMessage()))));
	}

	/** A peer as the page lists it, and its traffic if it answered. */
	private record PeerAnswer(Map<String, Object> row, @Nullable Traffic traffic) {

		static PeerAnswer unreachable(URI peer, String problem) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("peer", peer.toString());
			row.put("reachable", false);
			row.put("problem", problem);
			return new PeerAnswer(row, null);
		}

	}

	/** A CZone's own word on its staleness, or that it did not answer in time. */
	private Mono<Map<String, Object>> staleness(Zone czone) {
		URI endpoint = czone.endpoint("config").orElse(null);
		Map<String, Object> unknown = Map.of("zone", czone.id().value(), "city", czone.city().value(), "reachable",
				false);
		if (endpoint == null) {
			return Mono.just(unknown);
		}
		return client.get()
			.uri(endpoint.resolve(WATERMARK))
			.header(ZonePayHeaders.CALLER, signer.sign(Caller.system(), "GET", WATERMARK, null))
			.retrieve()
			.bodyToMono(Map.class)
			.timeout(properties.timeout())
			.map(watermark -> {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("zone", czone.id().value());
				row.put("city", czone.city().value());
				row.put("reachable", true);
				row.put("stalenessMs", watermark.get("stalenessMs"));
				row.put("stale", watermark.get("stale"));
				return row;
			})
			.onErrorReturn(unknown);
	}

	/** Shards as runs: [0, 1, 2, 7] -> "00-02, 07". */
	static String ranges(List<Shard> shards) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < shards.size()) {
			int start = shards.get(i).value();
			int end = start;
			while (i + 1 < shards.size() && shards.get(i + 1).value() == end + 1) {
				end = shards.get(++i).value();
			}
			out.append(out.isEmpty() ? "" : ", ")
				.append(String.format("%02d", start))
				.append(start == end ? "" : String.format("-%02d", end));
			i++;
		}
		return out.toString();
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
