package io.zonepay.config.merchant;

import java.util.Set;

import io.zonepay.config.ConfigServiceApplication;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.testkit.EmbeddedInfrastructure;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GZone's admin API: every write answers with its version, every bad one with a
 * problem and no change.
 */
@SpringBootTest(classes = ConfigServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.config.name=config-service", "zonepay.zone.id=gz", "zonepay.zone.city=hz",
				"zonepay.ids.node-id=1", "management.server.port=0", "zonepay.supervisor.enabled=false" })
@EmbeddedInfrastructure(database = "config", kafka = true)
class GlobalDataAdminIntegrationTests {

	@LocalServerPort
	int port;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void aMerchantIsCreatedChangedAndReadWithGrowingVersions() {
		long created = write(HttpMethod.POST, "/admin/merchants",
				"{\"merchantId\": \"5001\", \"name\": \"Tea\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}", 201);
		long changed = write(HttpMethod.PUT, "/admin/merchants/5001",
				"{\"name\": \"Tea House\", \"currency\": \"USD\", \"status\": \"INACTIVE\"}", 200);
		assertThat(changed).isGreaterThan(created);
		client.get()
			.uri("/api/merchants/5001")
			.header("X-ZonePay-Caller", TestCallers.user(1207, "GET", "/api/merchants/5001"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Served-By", "gz")
			.expectBody()
			.jsonPath("$.name")
			.isEqualTo("Tea House")
			.jsonPath("$.status")
			.isEqualTo("INACTIVE")
			.jsonPath("$.version")
			.isEqualTo(changed);
	}

	@Test
	void refusesMerchantsThatCannotBe() {
		problem(HttpMethod.POST, "/admin/merchants", "{\"name\": \"X\", \"currency\": \"XXX\", \"status\": \"ACTIVE\"}",
				400, "VALIDATION_FAILED");
		problem(HttpMethod.POST, "/admin/merchants", "{\"name\": \"X\", \"currency\": \"CNY\", \"status\": \"OPEN\"}",
				400, "VALIDATION_FAILED");
		problem(HttpMethod.POST, "/admin/merchants", "{\"name\": \"\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}",
				400, "VALIDATION_FAILED");
		problem(HttpMethod.POST, "/admin/merchants",
				"{\"merchantId\": \"-4\", \"name\": \"X\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}", 400,
				"VALIDATION_FAILED");
		problem(HttpMethod.PUT, "/admin/merchants/987654",
				"{\"name\": \"X\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}", 404, "MERCHANT_NOT_FOUND");
		write(HttpMethod.POST, "/admin/merchants",
				"{\"merchantId\": \"5002\", \"name\": \"Y\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}", 201);
		problem(HttpMethod.POST, "/admin/merchants",
				"{\"merchantId\": \"5002\", \"name\": \"Y\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}", 409,
				"MERCHANT_EXISTS");
		client.get()
			.uri("/api/merchants/987654")
			.header("X-ZonePay-Caller", TestCallers.user(1207, "GET", "/api/merchants/987654"))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MERCHANT_NOT_FOUND");
	}

	@Test
	void switchesTakeOnlyTheirOwnKindOfValue() {
		long version = write(HttpMethod.PUT, "/admin/switches/risk.mode", "{\"value\": \"rules_only\"}", 200);
		assertThat(version).isPositive();
		write(HttpMethod.PUT, "/admin/switches/zone.rz9.acceptingPayments", "{\"value\": false}", 200);
		write(HttpMethod.PUT, "/admin/switches/payments.maxAmount.JPY", "{\"value\": 90000}", 200);
		problem(HttpMethod.PUT, "/admin/switches/risk.mode", "{\"value\": \"LOOSE\"}", 400, "VALIDATION_FAILED");
		problem(HttpMethod.PUT, "/admin/switches/payments.maxAmount.CNY", "{\"value\": -1}", 400, "VALIDATION_FAILED");
		problem(HttpMethod.PUT, "/admin/switches/payments.maxAmount.CNY", "{\"value\": 1.5}", 400, "VALIDATION_FAILED");
		problem(HttpMethod.PUT, "/admin/switches/risk.mode", "{}", 400, "VALIDATION_FAILED");
		problem(HttpMethod.PUT, "/admin/switches/no.such.switch", "{\"value\": true}", 404, "SWITCH_NOT_FOUND");
		client.get()
			.uri("/admin/switches")
			.header("X-ZonePay-Caller", admin("GET", "/admin/switches"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(body -> assertThat(body).contains("RULES_ONLY", "zone.rz9.acceptingPayments"));
	}

	@Test
	void onlyOperatorsChangeGlobalData() {
		String path = "/admin/switches/risk.mode";
		client.put()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(1207, "PUT", path))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"value\": \"OFF\"}")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
	}

	private long write(HttpMethod method, String path, String body, int status) {
		return client.method(method)
			.uri(path)
			.header("X-ZonePay-Caller", admin(method.name(), path))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.returnResult(java.util.Map.class)
			.getResponseBody()
			.get("version") instanceof Number version ? version.longValue() : -1;
	}

	private void problem(HttpMethod method, String path, String body, int status, String code) {
		client.method(method)
			.uri(path)
			.header("X-ZonePay-Caller", admin(method.name(), path))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo(code);
	}

	private static String admin(String method, String path) {
		return TestCallers.sign(new Caller(null, Set.of(Role.ADMIN)), method, path, null);
	}

}
