package io.zonepay.gateway.ops;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.ChannelOption;
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
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /ops}: the war-room page, a static file that polls {@code GET /ops/state}
 * every second. The state holds operational facts only (zones, their shards and status,
 * this gateway's traffic to each, the routing epoch, each CZone's staleness), never user
 * data or endpoints, so the page needs no token; turn it off with
 * {@code zonepay.gateway.ops.enabled=false} where even that is too much.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "zonepay.gateway.ops.enabled", matchIfMissing = true)
class OpsRoutes {

	private static final Duration STALENESS_TIMEOUT = Duration.ofMillis(500);

	private static final String WATERMARK = "/api/global/watermark";

	@Bean
	RouterFunction<ServerResponse> opsPage(RoutingTables tables, ZoneTraffic traffic, CallerSigner signer,
			List<HttpClientCustomizer> customizers) {
		HttpClient http = HttpClient.create()
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) STALENESS_TIMEOUT.toMillis())
			.responseTimeout(STALENESS_TIMEOUT);
		// As the gateway's own client: how long a CZone's address is trusted, for one.
		for (HttpClientCustomizer customizer : customizers) {
			http = customizer.customize(http);
		}
		WebClient client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		ClassPathResource page = new ClassPathResource("ops/ops.html");
		return RouterFunctions.route()
			.GET("/ops",
					request -> ServerResponse.ok()
						.contentType(MediaType.TEXT_HTML)
						.cacheControl(CacheControl.noCache())
						.bodyValue(page))
			.GET("/ops/state",
					request -> state(tables.current(), traffic, signer, client).flatMap(state -> ServerResponse.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.cacheControl(CacheControl.noStore())
						.bodyValue(state)))
			.build();
	}

	private static Mono<Map<String, Object>> state(RoutingTable table, ZoneTraffic traffic, CallerSigner signer,
			WebClient client) {
		if (table == null) {
			return Mono.just(Map.of("epoch", 0, "zones", List.of(), "czones", List.of()));
		}
		List<Map<String, Object>> zones = new ArrayList<>();
		List<Zone> sorted = table.zones().stream().sorted(Comparator.comparing(zone -> zone.id().value())).toList();
		for (Zone zone : sorted) {
			if (zone.kind() == ZoneKind.RZONE) {
				ZoneTraffic.Summary summary = traffic.summary(zone.id().value());
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("zone", zone.id().value());
				row.put("city", zone.city().value());
				row.put("status", zone.status().name());
				row.put("shards", ranges(table.shardsOf(zone.id())));
				row.put("shardCount", table.shardsOf(zone.id()).size());
				row.put("requestsPerSecond", round(summary.requestsPerSecond()));
				row.put("errorRate", round(summary.errorRate()));
				row.put("p99Ms", round(summary.p99Millis()));
				zones.add(row);
			}
		}
		return Flux.fromIterable(sorted)
			.filter(zone -> zone.kind() == ZoneKind.CZONE)
			.concatMap(zone -> staleness(zone, signer, client))
			.collectList()
			.map(czones -> Map.of("epoch", table.epoch(), "zones", zones, "czones", czones));
	}

	/** A CZone's own word on its staleness, or that it did not answer in time. */
	private static Mono<Map<String, Object>> staleness(Zone czone, CallerSigner signer, WebClient client) {
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
			.timeout(STALENESS_TIMEOUT)
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
