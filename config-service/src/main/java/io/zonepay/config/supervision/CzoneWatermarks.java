package io.zonepay.config.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks CZones how stale their copies are, at their {@code GET /api/global/watermark}: all
 * at once, each bounded in time.
 */
final class CzoneWatermarks implements AutoCloseable {

	private static final String PATH = "/api/global/watermark";

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http;

	private final Duration timeout;

	private final CallerSigner signer;

	private final JsonMapper json;

	CzoneWatermarks(Duration timeout, CallerSigner signer, JsonMapper json) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(timeout)
			.version(HttpClient.Version.HTTP_1_1)
			.executor(executor)
			.build();
		this.timeout = timeout;
		this.signer = signer;
		this.json = json;
	}

	/**
	 * The staleness in milliseconds of each CZone that answered in time; those that did
	 * not are left out.
	 */
	Map<ZoneId, Long> staleness(List<Zone> czones) {
		Map<ZoneId, CompletableFuture<Optional<Long>>> asked = new LinkedHashMap<>();
		czones.forEach(zone -> zone.endpoint("config").ifPresent(config -> asked.put(zone.id(), ask(config))));
		Map<ZoneId, Long> answers = new LinkedHashMap<>();
		asked.forEach((zone, answer) -> answer.join().ifPresent(staleness -> answers.put(zone, staleness)));
		return answers;
	}

	private CompletableFuture<Optional<Long>> ask(URI config) {
		HttpRequest request = HttpRequest.newBuilder(config.resolve(PATH))
			.timeout(timeout)
			.header("Accept", "application/json")
			.header(ZonePayHeaders.CALLER, signer.sign(Caller.system(), "GET", PATH, null))
			.GET()
			.build();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply(response -> response.statusCode() == 200 ? stalenessIn(response.body()) : Optional.<Long>empty())
			.exceptionally(failure -> Optional.empty())
			.completeOnTimeout(Optional.empty(), timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	private Optional<Long> stalenessIn(String body) {
		JsonNode staleness = json.readTree(body).get("stalenessMs");
		return staleness != null && staleness.isIntegralNumber() ? Optional.of(staleness.asLong()) : Optional.empty();
	}

	@Override
	public void close() {
		http.shutdownNow();
		executor.close();
	}

}
