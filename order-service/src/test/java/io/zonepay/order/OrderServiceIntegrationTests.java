package io.zonepay.order;

import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@RunningOrderService
class OrderServiceIntegrationTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	RoutingTables tables;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void setUp() {
		tables.offer(TestRouting.evenly(1, "rz1", "rz2"));
	}

	@Test
	void startsAsItsZoneOnAMigratedDatabase() {
		RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + managementPort)
			.build()
			.get()
			.uri("/actuator/health/readiness")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		assertThat(jdbc.queryForObject("select count(*) from flyway_schema_history where success", Integer.class))
			.isPositive();
		assertThat(jdbc.queryForObject("select count(*) from idempotency_keys", Integer.class)).isZero();
	}

	@Test
	void exposesPrometheusMetricsOnTheManagementPort() {
		RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + managementPort)
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("hikaricp_connections", "jvm_memory_used_bytes"));
	}

	@Test
	void refusesShardsThatAnotherZoneServes() {
		String path = "/api/orders/1260";
		client().get()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(1260, "GET", path))
			.exchange()
			.expectStatus()
			.isEqualTo(421)
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz1")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("WRONG_ZONE")
			.jsonPath("$.zone")
			.isEqualTo("rz2");
	}

	@Test
	void refusesCallsThatDidNotComeThroughAGateway() {
		client().get()
			.uri("/api/orders/1207")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("UNAUTHENTICATED");
	}

	private RestTestClient client() {
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
