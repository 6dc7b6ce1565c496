package io.zonepay.config.supervision;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CZones' staleness as {@code GET /admin/zones} shows it, asked of a CZone that
 * answers and of one that is gone.
 */
class CzoneWatermarksTests {

	final CallerSigner signer = new CallerSigner(DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8),
			Duration.ofSeconds(10));

	final AtomicReference<String> caller = new AtomicReference<>();

	final HttpServer czone = czone();

	final CzoneWatermarks watermarks = new CzoneWatermarks(Duration.ofSeconds(2), signer, JsonMapper.builder().build());

	@AfterEach
	void stop() {
		watermarks.close();
		czone.stop(0);
	}

	@Test
	void asksEachCzoneAsZonePayItselfAndLeavesOutThoseThatDoNotAnswer() {
		Zone answering = zone("cz-hz", "http://127.0.0.1:" + czone.getAddress().getPort());
		Zone gone = zone("cz-sh", "http://127.0.0.1:1");

		Map<ZoneId, Long> staleness = watermarks.staleness(List.of(answering, gone));

		assertThat(staleness).containsExactly(Map.entry(ZoneId.of("cz-hz"), 42L));
		assertThat(signer.verify(caller.get(), "GET", "/api/global/watermark").caller().has(Role.SYSTEM)).isTrue();
	}

	private HttpServer czone() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/api/global/watermark", exchange -> {
				caller.set(exchange.getRequestHeaders().getFirst("X-ZonePay-Caller"));
				byte[] body = "{\"zone\": \"cz-hz\", \"version\": 7, \"stalenessMs\": 42, \"stale\": false}"
					.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Zone zone(String id, String config) {
		return new Zone(ZoneId.of(id), ZoneKind.CZONE, CityId.of(id.substring(3)), ZoneStatus.UP,
				Map.of("config", URI.create(config)));
	}

}
