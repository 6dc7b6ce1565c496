package io.zonepay.payment.zone;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.deadline.Deadlines;
import io.zonepay.service.zone.ZoneProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A zone service that answers badly never leaves the caller guessing: the call is
 * unreachable, tried again only when idempotent and within the retry budget; no call is
 * made for a request whose caller has gone.
 */
class ZoneClientTests {

	private static final ZoneId RZ1 = ZoneId.of("rz1");

	private final AtomicInteger calls = new AtomicInteger();

	private final CountDownLatch release = new CountDownLatch(1);

	private final List<String> deadlines = new CopyOnWriteArrayList<>();

	private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

	private HttpServer server;

	@AfterEach
	void stop() {
		release.countDown();
		server.stop(0);
	}

	@Test
	void postsWithTheirWholeBodyAndReadsOneAfterTheOtherGoOverOneKeptConnection() throws IOException {
		List<String> posted = new CopyOnWriteArrayList<>();
		ZoneClient client = client(exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			if (exchange.getRequestMethod().equals("POST")) {
				posted.add(exchange.getRequestHeaders().getFirst("Content-Length") + " " + body);
			}
			byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(201, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		});

		for (int i = 0; i < 3; i++) {
			assertThat(client.call(HttpMethod.POST, "/internal/postings", Map.of("reference", "payment:" + i), true)
				.status()).isEqualTo(201);
			assertThat(client.call(HttpMethod.GET, "/internal/postings/payment:" + i, null, true).status())
				.isEqualTo(201);
		}
		assertThat(clientPorts).hasSize(6).containsOnly(clientPorts.getFirst());
		assertThat(posted).containsExactly("25 {\"reference\":\"payment:0\"}", "25 {\"reference\":\"payment:1\"}",
				"25 {\"reference\":\"payment:2\"}");
	}

	@Test
	void anAnswerThatStallsInTheMiddleOfItsBodyIsUnreachableNotAnError() throws IOException {
		ZoneClient client = client(exchange -> {
			exchange.sendResponseHeaders(200, 100);
			OutputStream body = exchange.getResponseBody();
			body.write("{\"postingId\":".getBytes(StandardCharsets.UTF_8));
			body.flush();
			awaitRelease();
			exchange.close();
		});

		assertThatExceptionOfType(ZoneUnreachable.class)
			.isThrownBy(() -> client.call(HttpMethod.POST, "/internal/postings", Map.of(), false));
		assertThat(calls).hasValue(1);
	}

	@Test
	void anAnswerLaterThanTheReadTimeoutIsUnreachableAndAnIdempotentCallIsTriedAgainWithinItsBound()
			throws IOException {
		ZoneClient client = client(exchange -> {
			awaitRelease();
			exchange.close();
		});

		assertThatExceptionOfType(ZoneUnreachable.class)
			.isThrownBy(() -> client.call(HttpMethod.GET, "/internal/postings/payment:1", null, true));
		assertThat(calls).hasValue(2);
	}

	@Test
	void aServerErrorIsUnreachableAndAClientErrorIsAnAnswer() throws IOException {
		AtomicInteger status = new AtomicInteger(503);
		ZoneClient client = client(exchange -> {
			byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status.get(), body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});

		assertThatExceptionOfType(ZoneUnreachable.class)
			.isThrownBy(() -> client.call(HttpMethod.GET, "/internal/orders/7", null, false));
		status.set(404);
		assertThat(client.call(HttpMethod.GET, "/internal/orders/7", null, false).status()).isEqualTo(404);
	}

	@Test
	void everyAttemptCarriesADeadlineNoLaterThanItsOwnTimeoutNorTheRequestsDeadline() throws IOException {
		ZoneClient client = client(ZoneClientTests::answer503, properties(2, 0.2, 10));
		Instant before = Instant.now();
		assertThatExceptionOfType(ZoneUnreachable.class)
			.isThrownBy(() -> client.call(HttpMethod.GET, "/internal/orders/7", null, true));
		assertThat(deadlines).hasSize(2)
			.allSatisfy(header -> assertThat(Deadline.parse(header).orElseThrow().at()).isAfter(before)
				.isBeforeOrEqualTo(Instant.now().plusMillis(300)));

		deadlines.clear();
		Deadline request = Deadline.in(Duration.ofMillis(150), Clock.systemUTC());
		assertThatExceptionOfType(ZoneUnreachable.class).isThrownBy(
				() -> Deadlines.within(request, () -> client.call(HttpMethod.GET, "/internal/orders/7", null, false)));
		assertThat(deadlines).containsExactly(request.header());
	}

	@Test
	void noCallIsSentForARequestWhoseCallerHasStoppedWaiting() throws IOException {
		ZoneClient client = client(ZoneClientTests::answer503, properties(3, 0.2, 10));
		Deadline gone = new Deadline(Instant.now().minusMillis(1));

		assertThatExceptionOfType(CallerGone.class).isThrownBy(
				() -> Deadlines.within(gone, () -> client.call(HttpMethod.POST, "/internal/postings", Map.of(), true)));
		assertThat(calls).hasValue(0);
	}

	@Test
	void retriesAreHeldToTheBudgetWhenEveryCallFails() throws IOException {
		ZoneClient client = client(ZoneClientTests::answer503, properties(3, 0, 2));
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(ZoneUnreachable.class)
				.isThrownBy(() -> client.call(HttpMethod.GET, "/internal/orders/7", null, true));
		}
		// Two saved retries, both spent on the first call (three attempts); the other
		// three calls get one attempt each.
		assertThat(calls).hasValue(3 + 3);
	}

	private static void answer503(HttpExchange exchange) throws IOException {
		exchange.sendResponseHeaders(503, -1);
		exchange.close();
	}

	private void awaitRelease() {
		try {
			release.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private ZoneClient client(HttpHandler handler) throws IOException {
		return client(handler, properties(2, 0.2, 10));
	}

	private static ZoneCallProperties properties(int maxAttempts, double retryRatio, int retryBurst) {
		return new ZoneCallProperties(Duration.ofMillis(500), Duration.ofMillis(300), maxAttempts,
				Duration.ofMillis(10), 50, 20, Duration.ofSeconds(5), retryRatio, retryBurst);
	}

	private ZoneClient client(HttpHandler handler, ZoneCallProperties properties) throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			calls.incrementAndGet();
			clientPorts.add(exchange.getRemoteAddress().getPort());
			deadlines.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-ZonePay-Deadline")));
			handler.handle(exchange);
		});
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
		RoutingTables tables = new RoutingTables();
		tables.offer(RoutingTable.of(1, Collections.nCopies(Shard.COUNT, RZ1),
				List.of(new Zone(RZ1, ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, Map.of("account", endpoint)))));
		return ZoneClients.client("account", properties, new ZoneProperties(RZ1, CityId.of("hz"), null), tables,
				new CallerSigner(new byte[32], Duration.ofSeconds(30)), CircuitBreakerRegistry.ofDefaults(),
				RetryRegistry.ofDefaults(), new HashMap<>(), ObservationRegistry.NOOP);
	}

}
