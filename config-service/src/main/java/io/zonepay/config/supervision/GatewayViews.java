package io.zonepay.config.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zonepay.kernel.zone.ZoneId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks every city's gateway, all at once and within a bound, what it sees of each zone
 * ({@code GET /internal/gateway/zones}), and keeps each zone's longest silence. A gateway
 * that finds most of the zones it calls silent at once is itself in trouble (frozen, cut
 * off): its view counts for none of them. A gateway that does not answer in time says
 * nothing.
 */
final class GatewayViews implements RequestPathView, AutoCloseable {

	private static final String PATH = "/internal/gateway/zones";

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http;

	private final List<URI> gateways;

	private final Duration timeout;

	private final JsonMapper json;

	GatewayViews(List<URI> gateways, Duration timeout, JsonMapper json) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.version(HttpClient.Version.HTTP_1_1)
			.executor(executor)
			.build();
		this.gateways = List.copyOf(gateways);
		this.timeout = timeout;
		this.json = json;
	}

	@Override
	public Map<ZoneId, Duration> silences() {
		List<CompletableFuture<Map<ZoneId, Duration>>> views = gateways.stream().map(this::view).toList();
		Map<ZoneId, Duration> longest = new HashMap<>();
		views.stream()
			.map(CompletableFuture::join)
			.forEach(view -> view.forEach((zone, silence) -> longest.merge(zone, silence,
					(one, other) -> one.compareTo(other) >= 0 ? one : other)));
		return longest;
	}

	private CompletableFuture<Map<ZoneId, Duration>> view(URI gateway) {
		HttpRequest request = HttpRequest.newBuilder(gateway.resolve(PATH)).timeout(timeout).GET().build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply(response -> response.statusCode() == 200 ? silences(json.readTree(response.body()).path("zones"))
					: Map.<ZoneId, Duration>of())
			.exceptionally(failure -> Map.of())
			.completeOnTimeout(Map.of(), timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/**
	 * One gateway's silent zones, or none when most of the zones it calls are silent at
	 * once.
	 */
	static Map<ZoneId, Duration> silences(JsonNode zones) {
		Map<ZoneId, Duration> silent = new HashMap<>();
		int calling = 0;
		for (Map.Entry<String, JsonNode> zone : zones.properties()) {
			if (zone.getValue().path("waiting").asInt() > 0) {
				calling++;
			}
			long millis = zone.getValue().path("silentMs").asLong();
			if (millis > 0) {
				silent.put(ZoneId.of(zone.getKey()), Duration.ofMillis(millis));
			}
		}
		boolean mostSilent = calling > 1
				&& silent.values().stream().filter(silence -> silence.compareTo(Duration.ofSeconds(1)) >= 0).count()
						* 2 > calling;
		return mostSilent ? Map.of() : silent;
	}

	@Override
	public void close() {
		http.shutdownNow();
		executor.close();
	}

}
