package io.zonepay.config.routing;

import io.zonepay.config.ConfigServiceApplication;
import io.zonepay.testkit.EmbeddedInfrastructure;
import io.zonepay.testkit.TestCallers;
import io.zonepay.kernel.zone.Topology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@SpringBootTest(classes = ConfigServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=config-service", "zonepay.zone.id=gz", "zonepay.zone.city=hz",
				"zonepay.ids.node-id=1", "management.server.port=0", "zonepay.supervisor.enabled=false" })
@EmbeddedInfrastructure(database = "config", kafka = true)
class RoutingControllerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RoutingStore store;

	@Autowired
	Topology topology;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void servesTheTopologysRoutingTableAtEpochOne() {
		client.get()
			.uri("/admin/routing")
			.header("X-ZonePay-Caller", TestCallers.admin("GET", "/admin/routing"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "gz")
			.expectBody()
			.jsonPath("$.epoch")
			.isEqualTo(1)
			.jsonPath("$.shards.00")
			.isEqualTo("rz1")
			.jsonPath("$.shards.30")
			.isEqualTo("rz2")
			.jsonPath("$.shards.60")
			.isEqualTo("rz3")
			.jsonPath("$.shards.99")
			.isEqualTo("rz4")
			.jsonPath("$.zones[?(@.zoneId == 'rz3')].city")
			.isEqualTo("sh")
			.jsonPath("$.zones[?(@.zoneId == 'gz')].kind")
			.isEqualTo("GZONE")
			.jsonPath("$.zones[?(@.zoneId == 'rz1')].endpoints.account")
			.isEqualTo("http://localhost:9111");
	}

	@Test
	void theRoutingTableIsForOperatorsOnly() {
		client.get()
			.uri("/admin/routing")
			.header("X-ZonePay-Caller", TestCallers.user(1237, "GET", "/admin/routing"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		client.get()
			.uri("/admin/routing")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void routingEpochsOnlyEverGrow() {
		assertThatException().isThrownBy(() -> store.replace(topology.initialRoutingTable()))
			.withMessageContaining("epochs only grow");
	}

	@Test
	void theTableIsGlobalDataWithAVersion() {
		client.get()
			.uri("/api/global/routing")
			.header("X-ZonePay-Caller", TestCallers.user(1237, "GET", "/api/global/routing"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Served-By", "gz")
			.expectBody()
			.jsonPath("$.epoch")
			.isEqualTo(1)
			.jsonPath("$.version")
			.value(version -> assertThat((Integer) version).isPositive());
	}

}
