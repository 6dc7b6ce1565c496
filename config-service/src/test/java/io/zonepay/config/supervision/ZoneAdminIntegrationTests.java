package io.zonepay.config.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.config.ConfigServiceApplication;
import io.zonepay.config.routing.RoutingChanges;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.testkit.EmbeddedInfrastructure;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The GZone's zone commands and its supervisor together, on a real database and change
 * log: RZones answer or die as a fake health checker says, every other part is the real
 * one. Each test leaves every RZone UP with its first shards.
 */
@SpringBootTest(classes = ConfigServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=config-service", "zonepay.zone.id=gz", "zonepay.zone.city=hz",
				"zonepay.ids.node-id=1", "management.server.port=0",
				"zonepay.topology.location=classpath:topology/supervised.yml", "zonepay.supervisor.interval=50ms",
				"zonepay.supervisor.startup-grace=0s", "zonepay.supervisor.cascade-guard=0s" })
@EmbeddedInfrastructure(database = "config", kafka = true)
@Import(ZoneAdminIntegrationTests.FakeZones.class)
class ZoneAdminIntegrationTests {

	static final Duration SUPERVISED = Duration.ofSeconds(10);

	static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	FakeHealthChecker zones;

	@Autowired
	RoutingChanges routing;

	@Autowired
	Topology topology;

	@Autowired
	MeterRegistry meters;

	@Autowired
	PeriodicTask zoneSupervisorTask;

	@Autowired
	SupervisorProperties supervisor;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@AfterEach
	void everyZoneBackWithItsFirstShards() {
		if (!zoneSupervisorTask.isRunning()) {
			zoneSupervisorTask.start();
		}
		zones.reviveAll();
		await().atMost(SUPERVISED)
			.until(() -> table().zones().stream().allMatch(zone -> zone.status() == ZoneStatus.UP));
		RoutingTable first = topology.initialRoutingTable();
		routing.change(plan -> topology.rzones().forEach(zone -> plan.move(first.shardsOf(zone.id()), zone.id())));
	}

	@Test
	void listsEveryZoneWithItsStatusHealthAndShards() {
		await().atMost(SUPERVISED).until(() -> zoneIn(zonesReport(), "rz4").get("health").asString().equals("UP"));
		JsonNode report = zonesReport();

		assertThat(report.get("epoch").asLong()).isEqualTo(table().epoch());
		assertThat(report.get("zones").valueStream().map(zone -> zone.get("zoneId").asString()))
			.containsExactly("cz-hz", "cz-sh", "gz", "rz1", "rz2", "rz3", "rz4");
		JsonNode rz1 = zoneIn(report, "rz1");
		assertThat(rz1.get("kind").asString()).isEqualTo("RZONE");
		assertThat(rz1.get("city").asString()).isEqualTo("hz");
		assertThat(rz1.get("status").asString()).isEqualTo("UP");
		assertThat(rz1.get("consecutiveMisses").asInt()).isZero();
		assertThat(Instant.parse(rz1.get("lastCheck").asString())).isBefore(Instant.now().plusSeconds(1));
		assertThat(rz1.get("shards").valueStream().map(JsonNode::asString)).hasSize(25).startsWith("00").endsWith("24");
		assertThat(rz1.get("stalenessMs").isNull()).isTrue();
		JsonNode czone = zoneIn(report, "cz-sh");
		assertThat(czone.get("kind").asString()).isEqualTo("CZONE");
		assertThat(czone.get("health").asString()).as("nothing listens where it should").isEqualTo("DOWN");
		assertThat(czone.get("stalenessMs").isNull()).isTrue();
		assertThat(czone.get("shards")).isEmpty();
		assertThat(zoneIn(report, "gz").get("health").asString()).isEqualTo("UP");
	}

	@Test
	void aZoneThatStopsAnsweringIsFailedOverToItsStandbyAndComesBackWithNoShards() {
		long epoch = table().epoch();
		double failovers = failovers("rz3", "auto");

		zones.kill("rz3");
		await().atMost(SUPERVISED).until(() -> status(table(), "rz3") == ZoneStatus.DOWN);

		RoutingTable failedOver = table();
		assertThat(failedOver.epoch()).as("DOWN and moved in one epoch").isEqualTo(epoch + 1);
		assertThat(failedOver.shardsOf(zone("rz3"))).isEmpty();
		assertThat(failedOver.shardsOf(zone("rz4"))).hasSize(50);
		assertThat(failovers("rz3", "auto")).isEqualTo(failovers + 1);
		JsonNode rz3 = zoneIn(zonesReport(), "rz3");
		assertThat(rz3.get("health").asString()).isEqualTo("DOWN");
		assertThat(rz3.get("consecutiveMisses").asInt()).isGreaterThanOrEqualTo(supervisor.missesBeforeDown());
		assertThat(rz3.get("shards")).isEmpty();
		assertThat(meters.get("zonepay.zone.health").tag("zone", "rz3").gauge().value()).isZero();

		zones.revive("rz3");
		await().atMost(SUPERVISED).until(() -> status(table(), "rz3") == ZoneStatus.UP);

		assertThat(table().epoch()).isEqualTo(epoch + 2);
		assertThat(table().shardsOf(zone("rz3"))).as("until an operator moves shards back").isEmpty();
		assertThat(meters.get("zonepay.zone.health").tag("zone", "rz3").gauge().value()).isOne();
	}

	@Test
	void aFailoverMovesEveryShardOfTheZoneToTheNamedZoneInOneEpoch() {
		// The supervisor would mark the healthy zone UP again, racing the comparison with
		// GET /admin/routing below.
		zoneSupervisorTask.stop();
		long epoch = table().epoch();
		double failovers = failovers("rz1", "manual");

		JsonNode answer = post("/admin/zones/rz1/failover", "{\"toZone\": \"rz3\"}", 200);

		assertThat(answer.get("epoch").asLong()).isEqualTo(epoch + 1);
		assertThat(answer.get("shards").get("00").asString()).isEqualTo("rz3");
		assertThat(answer.get("shards").get("24").asString()).isEqualTo("rz3");
		assertThat(answer.get("shards").get("25").asString()).isEqualTo("rz2");
		assertThat(zoneIn(answer, "rz1").get("status").asString()).isEqualTo("DOWN");
		assertThat(answer).as("the table as GET /admin/routing shows it").isEqualTo(get("/admin/routing"));
		assertThat(failovers("rz1", "manual")).isEqualTo(failovers + 1);

		JsonNode again = post("/admin/zones/rz1/failover", null, 200);
		assertThat(again.get("epoch").asLong()).as("DOWN with no shards already: nothing to do").isEqualTo(epoch + 1);
	}

	@Test
	void aFailoverWithoutATargetGoesToTheStandby() {
		zoneSupervisorTask.stop();

		JsonNode answer = post("/admin/zones/rz2/failover", null, 200);

		assertThat(answer.get("shards").get("25").asString()).isEqualTo("rz1");
		assertThat(answer.get("shards").get("49").asString()).isEqualTo("rz1");
		assertThat(zoneIn(answer, "rz2").get("status").asString()).isEqualTo("DOWN");
	}

	@Test
	void refusesFailoversThatCannotBe() {
		zones.kill("rz4");
		await().atMost(SUPERVISED).until(() -> status(table(), "rz4") == ZoneStatus.DOWN);
		long epoch = table().epoch();

		problem("/admin/zones/rz9/failover", null, 404, "ZONE_NOT_FOUND");
		problem("/admin/zones/Not_A_Zone/failover", null, 404, "ZONE_NOT_FOUND");
		problem("/admin/zones/cz-hz/failover", null, 422, "NOT_AN_RZONE");
		problem("/admin/zones/gz/failover", "{\"toZone\": \"rz2\"}", 422, "NOT_AN_RZONE");
		problem("/admin/zones/rz1/failover", "{\"toZone\": \"rz1\"}", 422, "INVALID_MOVE");
		problem("/admin/zones/rz1/failover", "{\"toZone\": \"rz9\"}", 422, "INVALID_MOVE");
		problem("/admin/zones/rz1/failover", "{\"toZone\": \"cz-hz\"}", 422, "INVALID_MOVE");
		problem("/admin/zones/rz1/failover", "{\"toZone\": \"rz4\"}", 422, "INVALID_MOVE");
		problem("/admin/zones/rz1/failover", "{\"toZone\": \"RZ 2\"}", 400, "VALIDATION_FAILED");
		problem("/admin/zones/rz1/failover", "{\"toZone\": ", 400, "MALFORMED_REQUEST");

		zones.kill("rz2", "rz3");
		await().atMost(SUPERVISED).until(() -> table().shardsOf(zone("rz1")).size() == 100);
		long alone = table().epoch();
		problem("/admin/zones/rz1/failover", null, 422, "INVALID_MOVE");
		assertThat(table().epoch()).as("no refused failover changed anything").isEqualTo(alone);
		assertThat(alone).isGreaterThan(epoch);
		assertThat(status(table(), "rz1")).isEqualTo(ZoneStatus.UP);
	}

	@Test
	void movesShardsBetweenLiveZonesAndLeavesShardsAlreadyThereAsTheyAre() {
		long epoch = table().epoch();

		JsonNode moved = post("/admin/routing/moves", "{\"shards\": [0, 1, 2], \"toZone\": \"rz2\"}", 200);
		assertThat(moved.get("epoch").asLong()).isEqualTo(epoch + 1);
		assertThat(List.of("00", "01", "02"))
			.allMatch(shard -> moved.get("shards").get(shard).asString().equals("rz2"));
		assertThat(moved.get("shards").get("03").asString()).isEqualTo("rz1");
		assertThat(moved).isEqualTo(get("/admin/routing"));

		JsonNode same = post("/admin/routing/moves", "{\"shards\": [2, 1, 0], \"toZone\": \"rz2\"}", 200);
		assertThat(same).as("nothing to move: the same table, no new epoch").isEqualTo(moved);

		JsonNode more = post("/admin/routing/moves", "{\"shards\": [2, 3, 99], \"toZone\": \"rz2\"}", 200);
		assertThat(more.get("epoch").asLong()).isEqualTo(epoch + 2);
		assertThat(more.get("shards").get("03").asString()).isEqualTo("rz2");
		assertThat(more.get("shards").get("99").asString()).isEqualTo("rz2");
	}

	@Test
	void refusesMovesThatCannotBe() {
		zones.kill("rz4");
		await().atMost(SUPERVISED).until(() -> status(table(), "rz4") == ZoneStatus.DOWN);
		long epoch = table().epoch();

		problem("/admin/routing/moves", "{\"shards\": [], \"toZone\": \"rz2\"}", 400, "VALIDATION_FAILED");
		problem("/admin/routing/moves", "{\"toZone\": \"rz2\"}", 400, "VALIDATION_FAILED");
		problem("/admin/routing/moves", "{\"shards\": [100], \"toZone\": \"rz2\"}", 400, "VALIDATION_FAILED");
		problem("/admin/routing/moves", "{\"shards\": [-1], \"toZone\": \"rz2\"}", 400, "VALIDATION_FAILED");
		problem("/admin/routing/moves", "{\"shards\": [4, 5, 4], \"toZone\": \"rz2\"}", 400, "VALIDATION_FAILED");
		problem("/admin/routing/moves", "{\"shards\": [\"four\"], \"toZone\": \"rz2\"}", 400, "VALIDATION_FAILED");
		problem("/admin/routing/moves", "{\"shards\": [4]}", 400, "VALIDATION_FAILED");
		problem("/admin/routing/moves", "{\"shards\": [4], \"toZone\": \"RZ 2\"}", 400, "VALIDATION_FAILED");
		problem("/admin/routing/moves", null, 400, "MALFORMED_REQUEST");
		problem("/admin/routing/moves", "{\"shards\": [4], \"toZone\": \"rz9\"}", 422, "INVALID_MOVE");
		problem("/admin/routing/moves", "{\"shards\": [4], \"toZone\": \"cz-sh\"}", 422, "INVALID_MOVE");
		problem("/admin/routing/moves", "{\"shards\": [4], \"toZone\": \"rz4\"}", 422, "INVALID_MOVE");

		assertThat(table().epoch()).as("no refused move changed anything").isEqualTo(epoch);
	}

	@Test
	void onlyOperatorsSeeZonesAndOnlyAdminsMoveShards() {
		long epoch = table().epoch();
		client.get()
			.uri("/admin/zones")
			.header("X-ZonePay-Caller", TestCallers.sign(Caller.system(), "GET", "/admin/zones", null))
			.exchange()
			.expectStatus()
			.isOk();
		client.get()
			.uri("/admin/zones")
			.header("X-ZonePay-Caller", TestCallers.user(1201, "GET", "/admin/zones"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		for (String path : List.of("/admin/zones/rz1/failover", "/admin/routing/moves")) {
			for (String caller : List.of(TestCallers.user(1201, "POST", path),
					TestCallers.sign(Caller.system(), "POST", path, null))) {
				client.post()
					.uri(path)
					.header("X-ZonePay-Caller", caller)
					.contentType(MediaType.APPLICATION_JSON)
					.body("{\"shards\": [1], \"toZone\": \"rz2\"}")
					.exchange()
					.expectStatus()
					.isForbidden()
					.expectBody()
					.jsonPath("$.code")
					.isEqualTo("FORBIDDEN");
			}
			client.post()
				.uri(path)
				.contentType(MediaType.APPLICATION_JSON)
				.body("{}")
				.exchange()
				.expectStatus()
				.isUnauthorized();
		}
		assertThat(table().epoch()).isEqualTo(epoch);
	}

	private RoutingTable table() {
		return routing.newest().orElseThrow().table();
	}

	private JsonNode zonesReport() {
		return get("/admin/zones");
	}

	private JsonNode get(String path) {
		return body(client.get()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.admin("GET", path))
			.exchange()
			.expectStatus()
			.isOk());
	}

	private JsonNode post(String path, @Nullable String body, int status) {
		return body(send(path, body).expectStatus().isEqualTo(status));
	}

	private void problem(String path, @Nullable String body, int status, String code) {
		send(path, body).expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code);
	}

	private RestTestClient.ResponseSpec send(String path, @Nullable String body) {
		RestTestClient.RequestBodySpec request = client.post()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.admin("POST", path));
		return body == null ? request.exchange()
				: request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
	}

	private static JsonNode body(RestTestClient.ResponseSpec response) {
		return JSON.readTree(response.returnResult(String.class).getResponseBody());
	}

	private static JsonNode zoneIn(JsonNode document, String zoneId) {
		Predicate<JsonNode> named = zone -> zone.get("zoneId").asString().equals(zoneId);
		return document.get("zones").valueStream().filter(named).findFirst().orElseThrow();
	}

	private static ZoneStatus status(RoutingTable table, String zoneId) {
		return table.zone(zone(zoneId)).map(Zone::status).orElseThrow();
	}

	private static ZoneId zone(String zoneId) {
		return ZoneId.of(zoneId);
	}

	private double failovers(String zone, String trigger) {
		Counter counter = meters.find("zonepay.failovers").tags("zone", zone, "trigger", trigger).counter();
		return counter == null ? 0 : counter.count();
	}

	/** RZones' health as the tests say, instead of over HTTP. */
	@TestConfiguration(proxyBeanMethods = false)
	static class FakeZones {

		@Bean
		@Primary
		FakeHealthChecker fakeHealthChecker() {
			return new FakeHealthChecker();
		}

	}

}
