package io.zonepay.gateway.admission;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A gateway in front of a zone that holds every request until told to answer, with a
 * limit fixed at four: what fills the zone decides which classes are still admitted.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway", "zonepay.gateway.city=hz",
				"zonepay.gateway.tokens.dev-issuer=true", "management.server.port=0",
				"zonepay.gateway.admission.initial-limit=4", "zonepay.gateway.admission.min-limit=4",
				"zonepay.gateway.admission.max-limit=4" })
class ZoneAdmissionIntegrationTests {

	private static final long USER = 1_000_037L;

	@LocalServerPort
	int port;

	@Autowired
	RoutingTables tables;

	@Autowired
	ZoneLimiters limiters;

	private final HttpClient http = HttpClient.newHttpClient();

	private HoldingZone zone;

	private String token;

	@BeforeEach
	void setUp() throws Exception {
		zone = new HoldingZone();
		tables.offer(table(zone.uri()));
		token = send(HttpRequest.newBuilder(gateway("/dev/token"))
			.POST(HttpRequest.BodyPublishers.ofString("{\"sub\": \"" + USER + "\", \"roles\": [\"user\"]}"))
			.header("Content-Type", "application/json")).body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
	}

	@AfterEach
	void tearDown() {
		zone.release();
		await().atMost(Duration.ofSeconds(10)).until(() -> limiters.levels().get("rz-hz").inflight() == 0);
		zone.close();
	}

	@Test
	void aFullZoneRefusesReadsAndTransfersAtOnceButAdmitsACheckoutUpToItsLimit() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			held.add(sendAsync(pay(i)));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> zone.holding() == 3);

		HttpResponse<String> read = send(get("/api/users/" + USER + "/balances"));
		HttpResponse<String> transfer = send(post("/api/transfers", "transfer-1"));

		assertThat(read.statusCode()).isEqualTo(503);
		assertThat(read.body()).contains("\"code\":\"OVERLOADED\"");
		assertThat(read.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(transfer.statusCode()).isEqualTo(503);
		assertThat(zone.holding()).as("nothing shed reached the zone").isEqualTo(3);

		held.add(sendAsync(pay(3)));
		await().atMost(Duration.ofSeconds(10)).until(() -> zone.holding() == 4);
		assertThat(send(pay(4)).statusCode()).as("a checkout past the limit").isEqualTo(503);

		zone.release();
		for (CompletableFuture<HttpResponse<String>> payment : held) {
			assertThat(payment.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
		}
		assertThat(send(get("/api/users/" + USER + "/balances")).statusCode()).isEqualTo(200);
	}

	private HttpRequest.Builder pay(int i) {
		return post("/api/payments", "pay-" + i);
	}

	private HttpRequest.Builder post(String path, String key) {
		return HttpRequest.newBuilder(gateway(path))
			.POST(HttpRequest.BodyPublishers.ofString("{\"orderId\": \"12\"}"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(gateway(path)).GET().header("Authorization", "Bearer " + token);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
		return http.sendAsync(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI gateway(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private RoutingTable table(URI services) {
		List<ZoneId> owners = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(ZoneId.of("rz-hz"));
		}
		Map<String, URI> endpoints = Map.of("account", services, "order", services, "payment", services);
		return RoutingTable.of(tables.epoch() + 1, owners,
				List.of(new Zone(ZoneId.of("rz-hz"), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, endpoints)));
	}

	/** A zone that answers nothing until released, then everything at once. */
	static final class HoldingZone implements AutoCloseable {

		private final HttpServer server;

		private final CountDownLatch released = new CountDownLatch(1);

		private final AtomicInteger holding = new AtomicInteger();

		HoldingZone() {
			try {
				server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/", exchange -> {
				holding.incrementAndGet();
				try {
					released.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				boolean created = "POST".equals(exchange.getRequestMethod());
				byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(created ? 201 : 200, answer.length);
				exchange.getResponseBody().write(answer);
				exchange.close();
				holding.decrementAndGet();
			});
			server.start();
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		}

		int holding() {
			return holding.get();
		}

		void release() {
			released.countDown();
		}

		@Override
		public void close() {
			server.stop(0);
		}

	}

}
