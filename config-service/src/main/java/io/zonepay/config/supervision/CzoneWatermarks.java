package io.zonepay.config.supervision;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import io.zonepay.config.global.ZoneCalls;
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

	private final ZoneCalls calls;

	private final JsonMapper json;

	CzoneWatermarks(Duration timeout, CallerSigner signer, JsonMapper json) {
		this.calls = new ZoneCalls(timeout, signer);
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
		return calls.call(config, PATH, null,
				response -> response.statusCode() == 200 ? stalenessIn(response.body()) : Optional.<Long>empty(),
				failure -> Optional.empty());
	}

	private Optional<Long> stalenessIn(String body) {
		JsonNode staleness = json.readTree(body).get("stalenessMs");
		return staleness != null && staleness.isIntegralNumber() ? Optional.of(staleness.asLong()) : Optional.empty();
	}

	@Override
	public void close() {
		calls.close();
	}

}
