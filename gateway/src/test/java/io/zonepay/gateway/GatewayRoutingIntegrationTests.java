package io.zonepay.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.traffic.Traffic;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=gateway", "zonepay.gateway.city=hz",
				"zonepay.gateway.tokens.dev-issuer=true", "management.server.port=0",
				"zonepay.gateway.zone-breaker.open-for=1s", "zonepay.gateway.rate-limits.user-per-second=20",
				"zonepay.gateway.rate-limits.user-burst=30" })
@ExtendWith(OutputCaptureExtension.class)
class GatewayRoutingIntegrationTests {

	static final StubZone RZ1 = new StubZone("rz1");

	static final StubZone RZ2 = new StubZone("rz2");

	static final StubZone RZ1_ORDERS = new StubZone("rz1");

	static final StubZone RZ1_PAYMENTS = new StubZone("rz1");

	static final StubZone RZ2_ORDERS = new StubZone("rz2");

	static final StubZone RZ2_PAYMENTS = new StubZone("rz2");

	static final StubZone GZ = new StubZone("gz");

	static final StubZone CZ_HZ = new StubZone("cz-hz");

	static final StubZone CZ_SH = new StubZone("cz-sh");

	static final MisroutedZone MISROUTED = new MisroutedZone();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	RoutingTables tables;

	@Autowired
	CallerSigner signer;

	@Autowired
	MeterRegistry meters;

	WebTestClient client;

	@BeforeEach
	void setUp() {
		// A gateway only ever moves to newer epochs, so every test starts from a newer
		// table.
		tables.offer(table(tables.epoch() + 1, RZ2.uri()));
		client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
	}

	@AfterAll
	static void stopZones() {
		RZ1.close();
		RZ2.close();
		List.of(RZ1_ORDERS, RZ1_PAYMENTS, RZ2_ORDERS, RZ2_PAYMENTS).forEach(StubZone::close);
		GZ.close();
		CZ_HZ.close();
		MISROUTED.close();
	}

	@Test
	void routesEachUserToTheZoneThatServesTheShardOfItsId() {
		String token = devToken("1207", "user");
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz1");
		assertThat(RZ1.last().uri()).isEqualTo("/api/users/1207/balances");

		String other = devToken("1263", "user");
		client.get()
			.uri("/api/users/1263/balances?x=1")
			.header("Authorization", "Bearer " + other)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz2");
		assertThat(RZ2.last().uri()).isEqualTo("/api/users/1263/balances?x=1");
	}

	/**
	 * Every RZone call of API.md, with the zone and service it must reach: shard 07 is
	 * rz1's, shard 63 rz2's.
	 */
	static Stream<Arguments> everyZoneCall() {
		return Stream.of(Arguments.of("POST", "/api/users/1207/deposits", "1207", RZ1),
				Arguments.of("GET", "/api/users/1263/balances", "1263", RZ2),
				Arguments.of("GET", "/api/users/1207/ledger?limit=50", "1207", RZ1),
				Arguments.of("POST", "/api/orders", "1263", RZ2_ORDERS),
				Arguments.of("GET", "/api/orders?limit=20", "1207", RZ1_ORDERS),
				Arguments.of("GET", "/api/orders/99963", "1207", RZ2_ORDERS),
				Arguments.of("POST", "/api/orders/99907/cancel", "1263", RZ1_ORDERS),
				Arguments.of("POST", "/api/payments", "1263", RZ2_PAYMENTS),
				Arguments.of("GET", "/api/payments/88807", "1263", RZ1_PAYMENTS),
				Arguments.of("POST", "/api/payments/88863/refunds", "1207", RZ2_PAYMENTS),
				Arguments.of("POST", "/api/transfers", "1207", RZ1_PAYMENTS),
				Arguments.of("GET", "/api/transfers/77763", "1207", RZ2_PAYMENTS));
	}

	// The stubs outlive one call: JUnit would close an AutoCloseable argument after it.
	@ParameterizedTest(name = "{0} {1} as {2}", autoCloseArguments = false)
	@MethodSource("everyZoneCall")
	void routesEveryZoneCallByTheShardOfItsIdOrOfItsCaller(String method, String path, String caller,
			StubZone expected) {
		int before = expected.count();
		WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(method))
			.uri(path)
			.header("Authorization", "Bearer " + devToken(caller, "user"));
		(method.equals("POST") ? request.contentType(MediaType.APPLICATION_JSON).bodyValue("{}") : request).exchange()
			.expectStatus()
			.isOk();
		assertThat(expected.count()).isEqualTo(before + 1);
		assertThat(expected.last().method()).isEqualTo(method);
		assertThat(expected.last().uri()).isEqualTo(path);
	}

	@Test
	void handsTheZoneASignedCallerInsteadOfTheTokenAndTheGatewaysOwnDeadline() {
		client.get()
			.uri("/api/users/1207")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.header("X-ZonePay-Caller", "forged")
			.header("X-ZonePay-Deadline", "1")
			.exchange()
			.expectStatus()
			.isOk();
		StubZone.Received received = RZ1.last();
		assertThat(received.header("Authorization")).isNull();
		CallerAssertion assertion = signer.verify(received.header("X-ZonePay-Caller"), "GET", "/api/users/1207");
		assertThat(assertion.caller().user()).hasToString("1207");
		assertThat(assertion.caller().roles()).containsExactly(Role.USER);
		assertThat(received.header("X-ZonePay-Epoch")).isEqualTo(Long.toString(tables.epoch()));
		// The gateway's response timeout (10 s) from when the request left, not what the
		// client sent.
		assertThat(Deadline.parse(received.header("X-ZonePay-Deadline")))
			.hasValueSatisfying(deadline -> assertThat(deadline.at()).isAfter(Instant.now().plusSeconds(5))
				.isBeforeOrEqualTo(Instant.now().plusSeconds(10)));
	}

	@Test
	void signsUpAnonymouslyInTheShardAskedFor() {
		client.post()
			.uri("/api/users")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Alice\", \"shard\": 60}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz2");
		StubZone.Received received = RZ2.last();
		assertThat(received.body()).isEqualTo("{\"name\": \"Alice\", \"shard\": 60}");
		CallerAssertion assertion = signer.verify(received.header("X-ZonePay-Caller"), "POST", "/api/users");
		assertThat(assertion.shard()).isEqualTo(Shard.of(60));
		assertThat(assertion.caller().user()).isNull();
	}

	@Test
	void signsUpInSomeShardWhenNoneIsAskedFor() {
		for (int i = 0; i < 5; i++) {
			client.post()
				.uri("/api/users")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue("{\"name\": \"Bob\"}")
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(RZ1.count() + RZ2.count()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void refusesCallsWithoutAValidToken() {
		client.get()
			.uri("/api/users/1207/balances")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHENTICATED");
		for (String token : List.of(expiredToken(), tokenSignedWith("another-key-that-is-at-least-thirty-two-bytes!"),
				unsignedToken(), "garbage")) {
			client.get()
				.uri("/api/users/1207/balances")
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus()
				.isUnauthorized()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("UNAUTHENTICATED");
		}
	}

	@Test
	void administrationNeedsTheAdminRole() {
		int before = GZ.count();
		client.get()
			.uri("/admin/routing")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		assertThat(GZ.count()).isEqualTo(before);
		client.get()
			.uri("/admin/routing")
			.header("Authorization", "Bearer " + devToken("1", "admin"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "gz");
	}

	@Test
	void theApiNeedsTheUserRole() {
		int before = RZ1.count();
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "loadtest"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		assertThat(RZ1.count()).isEqualTo(before);
	}

	@Test
	void onlyALoadTestCredentialMayTagTraffic() {
		int before = RZ1.count();
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.header("X-ZonePay-Traffic", "shadow")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("shadow traffic needs the loadtest role");
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.header("X-ZonePay-Traffic", "live")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED");
		client.get()
			.uri("/admin/switches")
			.header("Authorization", "Bearer " + devToken("1207", "admin", "loadtest"))
			.header("X-ZonePay-Traffic", "shadow")
			.exchange()
			.expectStatus()
			.isForbidden();
		int signUps = RZ2.count();
		client.post()
			.uri("/api/users")
			.header("X-ZonePay-Traffic", "shadow")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\": \"Mallory\", \"shard\": 60}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("shadow traffic needs the loadtest role");
		assertThat(RZ1.count()).isEqualTo(before);
		assertThat(RZ2.count()).as("an anonymous sign-up with the tag").isEqualTo(signUps);
	}

	@Test
	void signsTheShadowTagOfALoadTestIntoTheCallerAssertion() {
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "user", "loadtest"))
			.header("X-ZonePay-Traffic", "shadow")
			.exchange()
			.expectStatus()
			.isOk();
		StubZone.Received received = RZ1.last();
		CallerAssertion assertion = signer.verify(received.header("X-ZonePay-Caller"), "GET",
				"/api/users/1207/balances");
		assertThat(assertion.traffic()).isEqualTo(Traffic.SHADOW);
		assertThat(received.header("X-ZonePay-Traffic")).isEqualTo("shadow");
		// Recorded once the exchange completes, just after the answer is written.
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(meters.find("http.server.requests").tag("traffic", "shadow").timers())
				.isNotEmpty());
	}

	@Test
	void readsGlobalDataFromItsOwnCitysCzone() {
		String token = devToken("1207", "user");
		client.get()
			.uri("/api/merchants/77?min-version=3")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "cz-hz");
		assertThat(CZ_HZ.last().uri()).isEqualTo("/api/merchants/77?min-version=3");
		client.get()
			.uri("/api/global/watermark")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(CZ_HZ.last().uri()).isEqualTo("/api/global/watermark");
		client.post()
			.uri("/api/merchants")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void readsGlobalDataFromAnotherCopyWhenItsCitysCzoneCannotBeReached() {
		String token = devToken("1207", "user");
		URI dead = URI.create("http://127.0.0.1:" + closedPort());
		tables.offer(withCopies(tables.epoch() + 1, dead, CZ_SH.uri()));

		client.get()
			.uri("/api/merchants/77")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "cz-sh");
		assertThat(CZ_SH.last().uri()).isEqualTo("/api/merchants/77");

		tables.offer(withCopies(tables.epoch() + 1, dead, dead));
		int gzoneReads = GZ.count();
		client.get()
			.uri("/api/global/watermark")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "gz");
		assertThat(GZ.count()).isEqualTo(gzoneReads + 1);
		tables.offer(table(tables.epoch() + 1, RZ2.uri()));
	}

	@Test
	void refusesIdsThatCannotBeIdsAndPathsThatDoNotExist() {
		String token = devToken("1207", "user");
		for (String id : List.of("abc", "-1", "0", "99999999999999999999")) {
			client.get()
				.uri("/api/users/" + id + "/balances")
				.header("Authorization", "Bearer " + token)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("VALIDATION_FAILED");
		}
		client.get()
			.uri("/nowhere")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND");
	}

	@Test
	void aZoneThatIsDownAnswersAWriteWithoutAKeyFastWithRetryAfter() {
		tables.offer(table(tables.epoch() + 1, URI.create("http://127.0.0.1:" + closedPort())));
		Instant start = Instant.now();
		depositWithoutKey("1263").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz2")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ZONE_UNAVAILABLE");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(5));
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void aReadForAZoneThatIsDownIsHeldUntilItsShardIsGivenToAnotherZoneAndAnsweredThere() {
		tables.offer(table(tables.epoch() + 1, URI.create("http://127.0.0.1:" + closedPort())));
		long failedOverAt = tables.epoch() + 1;
		int servedByRz1 = RZ1.count();
		Thread.ofVirtual().start(() -> {
			try {
				Thread.sleep(1_000);
			}
			catch (InterruptedException ex) {
				return;
			}
			tables.offer(tableOwnedBy(failedOverAt, "rz1"));
		});
		client.get()
			.uri("/api/users/1263/balances")
			.header("Authorization", "Bearer " + devToken("1263", "user"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz1");
		assertThat(RZ1.count()).isEqualTo(servedByRz1 + 1);
	}

	@Test
	void aReadHeldForAFailoverThatDoesNotComeIsAnsweredWithinItsBound() {
		tables.offer(table(tables.epoch() + 1, URI.create("http://127.0.0.1:" + closedPort())));
		Instant start = Instant.now();
		client.get()
			.uri("/api/users/1263/balances")
			.header("Authorization", "Bearer " + devToken("1263", "user"))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ZONE_UNAVAILABLE");
		assertThat(Duration.between(start, Instant.now())).isBetween(Duration.ofSeconds(5), Duration.ofSeconds(9));
	}

	private WebTestClient.ResponseSpec depositWithoutKey(String user) {
		return client.post()
			.uri("/api/users/" + user + "/deposits")
			.header("Authorization", "Bearer " + devToken(user, "user"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"amount\": 100, \"currency\": \"CNY\"}")
			.exchange();
	}

	@Test
	void aZoneThatKeepsFailingIsCutOffWhileOtherZonesAreServedAndIsTriedAgainLater() {
		String rz2User = devToken("1263", "user");
		tables.offer(table(tables.epoch() + 1, URI.create("http://127.0.0.1:" + closedPort())));
		// Refused connections: each one a failure the gateway reports with its own short
		// Retry-After. Earlier tests
		// left successes in rz2's window, so how many failures open the breaker depends
		// on them; a full window does.
		int refused = 0;
		// Writes without a key: answered at once, not held for a failover.
		while (refused < 20 && !breakerOpen("rz2")) {
			depositWithoutKey("1263").expectStatus().isEqualTo(503).expectHeader().valueEquals("Retry-After", "1");
			refused++;
		}

		// The breaker is open: the gateway answers for the zone without trying it, and
		// says when to come back.
		depositWithoutKey("1263").expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals("Retry-After", "1")
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz2")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("ZONE_UNAVAILABLE")
			.jsonPath("$.detail")
			.value(detail -> assertThat(detail.toString()).contains("rz2 is failing to answer"));
		assertThat(breakerOpen("rz2")).isTrue();
		int servedByRz1 = RZ1.count();
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(RZ1.count()).isEqualTo(servedByRz1 + 1);

		// The zone is back: once the breaker lets probes through, they find it and it is
		// served again.
		tables.offer(table(tables.epoch() + 1, RZ2.uri()));
		int servedByRz2 = RZ2.count();
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> client.get()
				.uri("/api/users/1263/balances")
				.header("Authorization", "Bearer " + rz2User)
				.exchange()
				.expectStatus()
				.isOk());
		for (int i = 0; i < 3; i++) {
			client.get()
				.uri("/api/users/1263/balances")
				.header("Authorization", "Bearer " + rz2User)
				.exchange()
				.expectStatus()
				.isOk();
		}
		assertThat(RZ2.count()).isGreaterThanOrEqualTo(servedByRz2 + 4);
	}

	@Test
	void refusesOversizedBodiesWhetherTheirLengthIsDeclaredOrNotAndForwardsNothing() {
		String token = devToken("1207", "user");
		String oversized = "{\"amount\": 100, \"currency\": \"CNY\", \"note\": \"" + "x".repeat(20 * 1024) + "\"}";
		int received = RZ1.count();

		client.post()
			.uri("/api/users/1207/deposits")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "big-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(oversized)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.valueEquals("Connection", "close")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");
		Flux<DataBuffer> chunks = Flux.range(0, 40)
			.map(i -> DefaultDataBufferFactory.sharedInstance
				.wrap(("x".repeat(1024)).getBytes(StandardCharsets.UTF_8)));
		client.post()
			.uri("/api/users/1207/deposits")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "big-2")
			.contentType(MediaType.APPLICATION_JSON)
			.body(chunks, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PAYLOAD_TOO_LARGE");

		assertThat(RZ1.count()).isEqualTo(received);
		client.post()
			.uri("/api/users/1207/deposits")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "small-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"amount\": 100, \"currency\": \"CNY\"}")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(RZ1.last().body()).isEqualTo("{\"amount\": 100, \"currency\": \"CNY\"}");
	}

	/**
	 * Before the gateway read such a body, it closed on a client still sending: 3 % of
	 * them saw no answer at all.
	 */
	@Test
	void aClientStillSendingABodyDeclaredTooLargeReadsThe413() throws Exception {
		String token = devToken("1207", "user");
		String oversized = "{\"amount\": 100, \"currency\": \"CNY\", \"note\": \"" + "x".repeat(64 * 1024) + "\"}";
		HttpClient jdk = HttpClient.newHttpClient();
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/users/1207/deposits"))
				.header("Authorization", "Bearer " + token)
				.header("Idempotency-Key", "big-" + i)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(oversized))
				.timeout(Duration.ofSeconds(10))
				.build();
			statuses.add(jdk.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
		}
		assertThat(statuses).containsOnly(413);
	}

	@Test
	void keepsItsRoutesToItselfAndPublishesOnlyHealthAndMetrics() {
		WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();
		management.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();
		management.get().uri("/actuator/env").exchange().expectStatus().isNotFound();
		management.get().uri("/actuator/health").exchange().expectStatus().isOk();
		client.get().uri("/actuator/gateway/routes").exchange().expectStatus().isNotFound();
	}

	@Test
	void aZoneThatDropsTheConnectionMidRequestIsAnsweredForWithoutClaimingTheRequestFailed() throws Exception {
		try (ServerSocket dropping = new ServerSocket(0)) {
			Thread.ofVirtual().start(() -> {
				while (!dropping.isClosed()) {
					try (var connection = dropping.accept()) {
						// Reads the request head, then goes away as a killed process
						// does.
						connection.getInputStream().read(new byte[8192]);
					}
					catch (IOException ex) {
						return;
					}
				}
			});
			tables.offer(table(tables.epoch() + 1, URI.create("http://127.0.0.1:" + dropping.getLocalPort())));

			client.get()
				.uri("/api/users/1263/balances")
				.header("Authorization", "Bearer " + devToken("1263", "user"))
				.exchange()
				.expectStatus()
				.isEqualTo(502)
				.expectHeader()
				.valueEquals("Retry-After", "1")
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("ZONE_CONNECTION_LOST");
		}
	}

	@Test
	void logsEveryRequestWithWhereItWentItsStatusLatencyAndTraceId(CapturedOutput output) {
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.exchange()
			.expectStatus()
			.isOk();
		client.get().uri("/api/users/1207/balances").exchange().expectStatus().isUnauthorized();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("zonepay.access +: GET /api/users/1207/balances 200 [0-9.]+ ms"
						+ " zone=rz1 shard=7 epoch=[0-9]+ trace=[0-9a-f]{32}")
				.containsPattern("zonepay.access +: GET /api/users/1207/balances 401 [0-9.]+ ms"
						+ " zone=- shard=- epoch=- trace=[0-9a-f]{32}"));
	}

	@Test
	void theZoneContinuesTheTraceTheAccessLogNames(CapturedOutput output) {
		client.get()
			.uri("/api/users/1207/ledger")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.exchange()
			.expectStatus()
			.isOk();

		String traceparent = RZ1.last().header("traceparent");
		// Flags are a byte: sampled (01), and since OpenTelemetry follows W3C Trace
		// Context level 2, random trace id (02).
		assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
		String traceId = traceparent.split("-")[1];
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("zonepay.access +: GET /api/users/1207/ledger 200 .* trace=" + traceId));
	}

	@Test
	void aRequestAZoneRefusesAsMisroutedGoesOnceToTheZoneOfTheNewerTableWithItsBody() {
		String token = devToken("1263", "user");
		long stale = tables.epoch() + 1;
		tables.offer(table(stale, MISROUTED.uri()));
		// The zone has moved on to a table where rz1 serves every shard; the gateway
		// learns it as the zone refuses.
		MISROUTED.refuseAt(stale + 1, () -> tables.offer(tableOwnedBy(stale + 1, "rz1")));
		int refused = MISROUTED.refused();
		String body = "{\"amount\": 250, \"currency\": \"CNY\"}";

		client.post()
			.uri("/api/users/1263/deposits")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", "moved-1")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz1");

		assertThat(MISROUTED.refused()).isEqualTo(refused + 1);
		assertThat(RZ1.last().uri()).isEqualTo("/api/users/1263/deposits");
		assertThat(RZ1.last().body()).isEqualTo(body);
		assertThat(RZ1.last().header("X-ZonePay-Epoch")).isEqualTo(Long.toString(stale + 1));
	}

	@Test
	void aMisroutedAnswerIsPassedOnWhenTheZoneIsNotAheadOrTheTableDoesNotCatchUp() {
		String token = devToken("1263", "user");
		long current = tables.epoch() + 1;
		tables.offer(table(current, MISROUTED.uri()));
		int servedByRz1 = RZ1.count();

		// A zone behind the gateway: a newer table could not help, so the client gets the
		// 421 at once.
		MISROUTED.refuseAt(current - 1, () -> {
		});
		client.get()
			.uri("/api/users/1263/balances")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(421)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("WRONG_ZONE");
		// A zone ahead, but the gateway never hears of its table: after a bounded wait,
		// the client gets the 421.
		MISROUTED.refuseAt(current + 5, () -> {
		});
		int refused = MISROUTED.refused();
		client.get()
			.uri("/api/users/1263/balances")
			.header("Authorization", "Bearer " + token)
			.exchange()
			.expectStatus()
			.isEqualTo(421)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("WRONG_ZONE");

		assertThat(MISROUTED.refused()).isEqualTo(refused + 1);
		assertThat(RZ1.count()).isEqualTo(servedByRz1);
	}

	@Test
	void aUserWhoSendsTooManyRequestsIsToldToWaitWhileOthersAreServed() throws Exception {
		String noisy = devToken("1299", "user");
		List<Future<FluxExchangeResult<String>>> sent = new ArrayList<>();
		try (ExecutorService senders = Executors.newFixedThreadPool(12)) {
			for (int i = 0; i < 90; i++) {
				sent.add(senders.submit(() -> client.get()
					.uri("/api/users/1299/balances")
					.header("Authorization", "Bearer " + noisy)
					.exchange()
					.returnResult(String.class)));
			}
		}
		List<FluxExchangeResult<String>> refused = new ArrayList<>();
		for (Future<FluxExchangeResult<String>> result : sent) {
			if (result.get().getStatus().value() == 429) {
				refused.add(result.get());
			}
		}

		// A burst of 30 and 20 more a second: ninety requests at once cannot all pass.
		assertThat(refused).isNotEmpty().allSatisfy(result -> {
			assertThat(result.getResponseHeaders().getFirst("Retry-After")).isEqualTo("1");
			assertThat(result.getResponseBody().blockFirst()).contains("\"code\":\"RATE_LIMITED\"");
		});
		assertThat(meters.counter("zonepay.gateway.rate.limited", "scope", "caller").count())
			.isGreaterThanOrEqualTo(refused.size());
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.exchange()
			.expectStatus()
			.isOk();
	}

	@Test
	void theOpsPageShowsEveryZoneItsShardsAndTrafficTheEpochAndTheCzones() {
		client.get()
			.uri("/ops")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("ZonePay war room").contains("/ops/state"));
		client.get()
			.uri("/api/users/1207/balances")
			.header("Authorization", "Bearer " + devToken("1207", "user"))
			.exchange()
			.expectStatus()
			.isOk();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> client.get()
				.uri("/ops/state")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.epoch")
				.isEqualTo(tables.epoch())
				.jsonPath("$.zones[?(@.zone == 'rz1')].shards")
				.isEqualTo("00-49")
				.jsonPath("$.zones[?(@.zone == 'rz1')].shardCount")
				.isEqualTo(50)
				.jsonPath("$.zones[?(@.zone == 'rz1')].status")
				.isEqualTo("UP")
				.jsonPath("$.zones[?(@.zone == 'rz2')].shards")
				.isEqualTo("50-99")
				.jsonPath("$.zones[?(@.zone == 'rz1')].requestsPerSecond")
				.value(rate -> assertThat(((List<?>) rate).getFirst().toString()).isNotEqualTo("0.0"))
				.jsonPath("$.czones[0].zone")
				.isEqualTo("cz-hz"));
	}

	@Test
	void theDevelopmentIssuerRefusesSubjectsThatAreNotUserIds() {
		client.post()
			.uri("/dev/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"sub\": \"alice\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED");
		client.post()
			.uri("/dev/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"sub\": \"12\", \"roles\": [\"system\"]}")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private boolean breakerOpen(String zone) {
		return meters.get("resilience4j.circuitbreaker.state")
			.tags("name", zone, "state", "open")
			.gauge()
			.value() == 1.0;
	}

	private String devToken(String subject, String... roles) {
		Map<?, ?> body = client.post()
			.uri("/dev/token")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("sub", subject, "roles", List.of(roles)))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return String.valueOf(body.get("token"));
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String expiredToken() {
		return sign(DevelopmentKeys.TOKEN_SIGNING_KEY, Instant.now().minus(Duration.ofHours(2)));
	}

	private static String tokenSignedWith(String key) {
		return sign(key, Instant.now().plus(Duration.ofHours(1)));
	}

	private static String sign(String key, Instant expiry) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(expiry));
			jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unsignedToken() {
		return new PlainJWT(claims(Instant.now().plus(Duration.ofHours(1)))).serialize();
	}

	private static JWTClaimsSet claims(Instant expiry) {
		return new JWTClaimsSet.Builder().subject("1207")
			.claim("roles", List.of("admin"))
			.expirationTime(Date.from(expiry))
			.build();
	}

	private static RoutingTable table(long epoch, URI rz2) {
		List<ZoneId> owners = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(ZoneId.of(shard < 50 ? "rz1" : "rz2"));
		}
		return RoutingTable.of(epoch, owners,
				List.of(zone("rz1", ZoneKind.RZONE,
						Map.of("account", RZ1.uri(), "order", RZ1_ORDERS.uri(), "payment", RZ1_PAYMENTS.uri())),
						zone("rz2", ZoneKind.RZONE,
								Map.of("account", rz2, "order", RZ2_ORDERS.uri(), "payment", RZ2_PAYMENTS.uri())),
						zone("gz", ZoneKind.GZONE, Map.of("config", GZ.uri())),
						zone("cz-hz", ZoneKind.CZONE, Map.of("config", CZ_HZ.uri()))));
	}

	private static RoutingTable tableOwnedBy(long epoch, String owner) {
		return RoutingTable.of(epoch, Collections.nCopies(Shard.COUNT, ZoneId.of(owner)),
				List.of(zone("rz1", ZoneKind.RZONE, Map.of("account", RZ1.uri())),
						zone("rz2", ZoneKind.RZONE, Map.of("account", MISROUTED.uri())),
						zone("gz", ZoneKind.GZONE, Map.of("config", GZ.uri())),
						zone("cz-hz", ZoneKind.CZONE, Map.of("config", CZ_HZ.uri()))));
	}

	/** The usual zones, with this city's CZone and another city's where the test says. */
	private static RoutingTable withCopies(long epoch, URI czoneHere, URI czoneElsewhere) {
		List<ZoneId> owners = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(ZoneId.of(shard < 50 ? "rz1" : "rz2"));
		}
		return RoutingTable.of(epoch, owners,
				List.of(zone("rz1", ZoneKind.RZONE, Map.of("account", RZ1.uri())),
						zone("rz2", ZoneKind.RZONE, Map.of("account", RZ2.uri())),
						zone("gz", ZoneKind.GZONE, Map.of("config", GZ.uri())),
						zone("cz-hz", ZoneKind.CZONE, Map.of("config", czoneHere)), new Zone(ZoneId.of("cz-sh"),
								ZoneKind.CZONE, CityId.of("sh"), ZoneStatus.UP, Map.of("config", czoneElsewhere))));
	}

	private static Zone zone(String id, ZoneKind kind, Map<String, URI> endpoints) {
		return new Zone(ZoneId.of(id), kind, CityId.of("hz"), ZoneStatus.UP, endpoints);
	}

}
