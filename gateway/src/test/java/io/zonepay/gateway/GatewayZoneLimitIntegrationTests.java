package io.zonepay.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A zone that gets more than its share is protected by the gateway, however many users
 * the flood comes from.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway", "zonepay.gateway.city=hz",
				"zonepay.gateway.tokens.dev-issuer=true", "management.server.port=0",
				"zonepay.gateway.rate-limits.zone-per-second=5", "zonepay.gateway.rate-limits.zone-burst=10" })
class GatewayZoneLimitIntegrationTests {

	static final StubZone RZ1 = new StubZone("rz1");

	static final StubZone RZ2 = new StubZone("rz2");

	@LocalServerPort
	int port;

	@Autowired
	RoutingTables tables;

	WebTestClient client;

	@BeforeEach
	void setUp() {
		List<ZoneId> owners = new ArrayList<>(Collections.nCopies(50, ZoneId.of("rz1")));
		owners.addAll(Collections.nCopies(Shard.COUNT - 50, ZoneId.of("rz2")));
		tables.offer(RoutingTable.of(1, owners, List.of(zone("rz1", RZ1.uri()), zone("rz2", RZ2.uri()))));
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@AfterAll
	static void stopZones() {
		RZ1.close();
		RZ2.close();
	}

	@Test
	void aFloodOfManyUsersIntoOneZoneIsCutToItsRateWhileOtherZonesAreServed() throws Exception {
		List<String> tokens = new ArrayList<>();
		for (int user = 0; user < 10; user++) {
			tokens.add(token("12" + String.format("%02d", user)));
		}
		List<Future<FluxExchangeResult<String>>> sent = new ArrayList<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(10)) {
			for (int i = 0; i < 60; i++) {
				String user = "12" + String.format("%02d", i % 10);
				String token = tokens.get(i % 10);
				sent.add(senders.submit(() -> client.get()
					.uri("/api/users/" + user + "/balances")
					.header("Authorization", "Bearer " + token)
					.exchange()
					.returnResult(String.class)));
			}
		}
		int refused = 0;
		for (Future<FluxExchangeResult<String>> result : sent) {
			if (result.get().getStatus().value() == 429) {
				refused++;
				assertThat(result.get().getResponseBody().blockFirst()).contains("RATE_LIMITED")
					.contains("rz1 gets more requests");
			}
		}

		// Ten at once and five more a second: sixty from ten users (six each, well within
		// a user's own limit) cannot all pass.
		assertThat(refused).isPositive();
		client.get()
			.uri("/api/users/1263/balances")
			.header("Authorization", "Bearer " + token("1263"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	private String token(String user) {
		Map<?, ?> body = client.post()
			.uri("/dev/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("sub", user, "roles", List.of("user")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return String.valueOf(body.get("token"));
	}

	private static Zone zone(String id, URI endpoint) {
		return new Zone(ZoneId.of(id), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, Map.of("account", endpoint));
	}

}
