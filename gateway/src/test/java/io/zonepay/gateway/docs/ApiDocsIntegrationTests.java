package io.zonepay.gateway.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.zonepay.gateway.GatewayApplication;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.routing.RoutingTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Swagger UI at a gateway, over documents the gateway fetches from whichever zone
 * answers.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway", "zonepay.gateway.city=hz",
				"zonepay.gateway.tokens.dev-issuer=true", "management.server.port=0",
				"zonepay.gateway.api-docs.timeout=1s" })
class ApiDocsIntegrationTests {

	static final DocumentZone RZ_SH = new DocumentZone("payment-service at rz-sh");

	static final DocumentZone RZ_HZ = new DocumentZone("payment-service at rz-hz");

	static final DocumentZone CZ_HZ = new DocumentZone("config-service at cz-hz");

	static final URI NOBODY = nobody();

	static final ParameterizedTypeReference<List<String>> STRINGS = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	RoutingTables tables;

	WebTestClient client;

	@BeforeEach
	void setUp() {
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@AfterAll
	static void stopZones() {
		List.of(RZ_SH, RZ_HZ, CZ_HZ).forEach(DocumentZone::close);
	}

	@Test
	void servesAServicesDocumentFromAZoneOfItsOwnCityFirstWithoutAToken() {
		offer(table(RZ_HZ.uri(), RZ_SH.uri(), NOBODY));

		client.get()
			.uri("/v3/api-docs/payment")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("payment-service at rz-hz");
		assertThat(RZ_HZ.paths()).last().isEqualTo("/v3/api-docs");
	}

	@Test
	void asksTheNextZoneWhenOneDoesNotAnswer() {
		offer(table(NOBODY, RZ_SH.uri(), NOBODY));

		client.get()
			.uri("/v3/api-docs/payment")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("payment-service at rz-sh");
	}

	@Test
	void asksTheGzoneForConfigServiceAndACopyWhenTheGzoneIsAway() {
		offer(table(RZ_HZ.uri(), RZ_SH.uri(), NOBODY));

		client.get()
			.uri("/v3/api-docs/config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.info.title")
			.isEqualTo("config-service at cz-hz");
	}

	@Test
	void saysSoFastWhenNoZoneAnswers() {
		offer(table(NOBODY, NOBODY, NOBODY));

		client.get()
			.uri("/v3/api-docs/payment")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ZONE_UNAVAILABLE");
	}

	@Test
	void theDocumentRoutesOnlyRead() {
		offer(table(RZ_HZ.uri(), RZ_SH.uri(), NOBODY));
		int before = RZ_HZ.paths().size();

		client.post()
			.uri("/v3/api-docs/payment")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{}")
			.exchange()
			.expectStatus()
			.value(status -> assertThat(status).isIn(404, 405));
		client.get()
			.uri("/v3/api-docs/payment/../../api/payments")
			.exchange()
			.expectStatus()
			.value(status -> assertThat(status).isNotEqualTo(200));
		assertThat(RZ_HZ.paths()).hasSize(before);
	}

	@Test
	void swaggerUiListsEveryServicesDocument() {
		client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
		client.get()
			.uri("/v3/api-docs/swagger-config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.urls[*].url")
			.value(STRINGS, urls -> assertThat(urls).containsExactlyInAnyOrder("/v3/api-docs/payment",
					"/v3/api-docs/order", "/v3/api-docs/account", "/v3/api-docs/config", "/v3/api-docs"));
	}

	@Test
	void theGatewaysOwnDocumentHasTheDevelopmentTokenCall() {
		client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/dev/token'].post.requestBody.content['application/json'].schema.required")
			.value(STRINGS, required -> assertThat(required).contains("sub", "roles"))
			.jsonPath("$.paths.length()")
			.isEqualTo(1);
	}

	private void offer(RoutingTable table) {
		tables.offer(table);
	}

	private RoutingTable table(URI paymentHere, URI paymentElsewhere, URI gzone) {
		List<ZoneId> owners = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(ZoneId.of(shard < 50 ? "rz-sh" : "rz-hz"));
		}
		// A gateway only ever moves to newer epochs.
		return RoutingTable.of(tables.epoch() + 1, owners,
				List.of(zone("rz-sh", ZoneKind.RZONE, "sh", Map.of("payment", paymentElsewhere)),
						zone("rz-hz", ZoneKind.RZONE, "hz", Map.of("payment", paymentHere)),
						zone("gz", ZoneKind.GZONE, "hz", Map.of("config", gzone)),
						zone("cz-hz", ZoneKind.CZONE, "hz", Map.of("config", CZ_HZ.uri()))));
	}

	private static Zone zone(String id, ZoneKind kind, String city, Map<String, URI> endpoints) {
		return new Zone(ZoneId.of(id), kind, CityId.of(city), ZoneStatus.UP, endpoints);
	}

	/** An address where nothing listens: a zone that is down. */
	private static URI nobody() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A service that answers its OpenAPI document, titled with who it is. */
	static final class DocumentZone implements AutoCloseable {

		private final HttpServer server;

		private final List<String> paths = new CopyOnWriteArrayList<>();

		DocumentZone(String title) {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.createContext("/", exchange -> {
				paths.add(exchange.getRequestURI().getPath());
				byte[] answer = ("{\"openapi\": \"3.1.0\", \"info\": {\"title\": \"" + title + "\"}, \"paths\": {}}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		}

		List<String> paths() {
			return paths;
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

}
