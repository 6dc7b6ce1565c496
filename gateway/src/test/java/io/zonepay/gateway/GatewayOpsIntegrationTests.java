package io.zonepay.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.runtime.routing.RoutingTables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The war room's data: this gateway's traffic second by second, its peers' added (one
 * that answers, one that does not), the water levels and the routing map, and the
 * charting library served by the gateway itself.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway", "zonepay.gateway.city=hz",
				"zonepay.gateway.tokens.dev-issuer=true", "management.server.port=0" })
class GatewayOpsIntegrationTests {

	static final StubZone RZ1 = new StubZone("rz1");

	static final StubZone RZ2 = new StubZone("rz2");

	/** The other city's gateway: rz2 took 3 payments a second through it. */
	static final HttpServer PEER = peer();

	static final URI SILENT_PEER = URI.create("http://127.0.0.1:" + freePort());

	@LocalServerPort
	int port;

	@Autowired
	RoutingTables tables;

	@Autowired
	GlobalData globalData;

	WebTestClient client;

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		registry.add("zonepay.gateway.ops.peers",
				() -> "http://127.0.0.1:" + PEER.getAddress().getPort() + "," + SILENT_PEER);
	}

	@BeforeEach
	void setUp() {
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@AfterAll
	static void stop() {
		RZ1.close();
		RZ2.close();
		PEER.stop(0);
	}

	@Test
	void servesTheChartingLibraryItselfSoThePageNeedsNoInternet() {
		client.get()
			.uri("/ops")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("src=\"/ops/uPlot.iife.min.js\"")
				.contains("href=\"/ops/uPlot.min.css\"")
				.doesNotContain("https://", "http://"));
		client.get()
			.uri("/ops/uPlot.iife.min.js")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(script -> assertThat(script).contains("uPlot"));
		client.get().uri("/ops/uPlot.min.css").exchange().expectStatus().isOk();
	}

	@Test
	void theStateAddsThePeersTrafficToThisGatewaysAndNamesThePeerThatDidNotAnswer() {
		tables.offer(table(tables.epoch() + 1));
		String token = devToken("1207");
		client.post()
			.uri("/api/payments")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "ops-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"orderId\": \"5507\"}")
			.exchange()
			.expectStatus()
			.isOk();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			Map<?, ?> own = client.get()
				.uri("/ops/traffic")
				.exchange()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();
			assertThat(own.get("gateways")).isEqualTo(List.of("hz"));
			assertThat(sum(series(own, "rz1", "payments"))).isEqualTo(1);
			assertThat(series(own, "rz1", "requests")).hasSize(300);
		});
		Map<?, ?> state = client.get()
			.uri("/ops/state")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		Map<String, Object> history = map(state.get("history"));
		assertThat(history.get("gateways")).isEqualTo(List.of("hz", "sh"));
		assertThat(sum(series(history, "rz1", "payments"))).isEqualTo(1);
		assertThat(series(history, "rz2", "payments")).as("the peer's, second by second").endsWith((Object) 3, 3);
		assertThat(sum(list(map(history.get("total")).get("payments"))))
			.isEqualTo(sum(series(history, "rz2", "payments")) + 1);
		assertThat(list(state.get("gateways"))).hasSize(3)
			.anySatisfy(
					gateway -> assertThat(map(gateway)).containsEntry("gateway", "sh").containsEntry("reachable", true))
			.anySatisfy(gateway -> assertThat(map(gateway)).containsEntry("peer", SILENT_PEER.toString())
				.containsEntry("reachable", false)
				.containsKey("problem"));
		assertThat(list(state.get("owners"))).hasSize(Shard.COUNT).startsWith("rz1").endsWith("rz2");
	}

	@Test
	void aZonesWaterLevelIsItsLoadAgainstItsCapacityOrElseItsRequestsInFlightAgainstTheLimit() {
		RoutingTable table = table(tables.epoch() + 1);
		globalData.offer(new GlobalView(globalData.version() + 1, table,
				new Switches(Map.of("zone.rz1.capacity", "1000")), Set.of()));
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207"))
			.exchange()
			.expectStatus()
			.isOk();

		Map<String, Map<String, Object>> water = water();

		assertThat(water.get("rz1")).containsEntry("basis", "capacity").containsEntry("capacity", 1000);
		assertThat(water.get("rz2")).as("unmeasured: the peer's 4 in flight of 20 and this gateway's")
			.containsEntry("basis", "inflight")
			.containsEntry("inflight", 4);
		assertThat(((Number) water.get("rz2").get("level")).doubleValue()).isPositive();
	}

	@Test
	void askedSinceASecondTheStateHoldsTheLatestTenSecondsAtLeast() {
		long now = System.currentTimeMillis() / 1_000;
		Map<?, ?> state = client.get()
			.uri("/ops/state?since=" + (now - 2))
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();

		Map<String, Object> history = map(state.get("history"));
		long length = ((Number) history.get("to")).longValue() - ((Number) history.get("from")).longValue() + 1;
		assertThat(length).isEqualTo(10);
	}

	private Map<String, Map<String, Object>> water() {
		Map<?, ?> state = client.get()
			.uri("/ops/state")
			.exchange()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return list(state.get("zones")).stream()
			.map(GatewayOpsIntegrationTests::map)
			.collect(Collectors.toMap(row -> (String) row.get("zone"), row -> map(row.get("water"))));
	}

	private static List<Object> series(Map<?, ?> traffic, String zone, String name) {
		return list(map(map(traffic.get("zones")).get(zone)).get(name));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object json) {
		return (Map<String, Object>) json;
	}

	@SuppressWarnings("unchecked")
	private static List<Object> list(Object json) {
		return (List<Object>) json;
	}

	private static long sum(List<Object> series) {
		return series.stream().mapToLong(value -> ((Number) value).longValue()).sum();
	}

	private String devToken(String subject) {
		Map<?, ?> body = client.post()
			.uri("/dev/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("sub", subject, "roles", List.of("user")))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return String.valueOf(body.get("token"));
	}

	/** Shards 00-49 in rz1, 50-99 in rz2; every service of a zone is its stub. */
	private static RoutingTable table(long epoch) {
		List<ZoneId> owners = new ArrayList<>(Collections.nCopies(50, ZoneId.of("rz1")));
		owners.addAll(Collections.nCopies(Shard.COUNT - 50, ZoneId.of("rz2")));
		return RoutingTable.of(epoch, owners, List.of(zone("rz1", RZ1.uri()), zone("rz2", RZ2.uri())));
	}

	private static Zone zone(String id, URI uri) {
		return new Zone(ZoneId.of(id), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP,
				Map.of("account", uri, "order", uri, "payment", uri));
	}

	/**
	 * Answers {@code GET /ops/traffic} as the sh gateway would, up to the last second.
	 */
	private static HttpServer peer() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.createContext("/ops/traffic", exchange -> {
				long to = System.currentTimeMillis() / 1_000 - 1;
				String threes = Collections.nCopies(300, "3").stream().collect(Collectors.joining(",", "[", "]"));
				String zeros = Collections.nCopies(300, "0").stream().collect(Collectors.joining(",", "[", "]"));
				String body = """
						{"gateways": ["sh"], "from": %d, "to": %d,
						 "zones": {"rz2": {"requests": %s, "payments": %s, "errors": %s, "p99Ms": %s,
						                   "sheds": {"checkout": %s, "transfer": %s, "read": %s, "background": %s}}},
						 "limits": {"rz2": {"limit": 20, "inflight": 4}}}
						""".formatted(to - 299, to, threes, threes, zeros, zeros, zeros, zeros, zeros, zeros);
				byte[] answer = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
