package io.zonepay.account.user;

import java.util.Map;

import io.zonepay.account.AccountIntegrationTest;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The internal user look-up: tells the zone's own services whether a user lives here, and
 * nobody else anything.
 */
@AccountIntegrationTest
class InternalUserControllerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	RoutingTables tables;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		tables.offer(TestRouting.evenly(1, "rz1", "rz2"));
		client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void answersWhetherAUserLivesInThisShardGroup() {
		long user = signUp(31);
		get("/internal/users/" + user, Caller.system()).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.userId")
			.isEqualTo(Long.toString(user))
			.jsonPath("$.shard")
			.isEqualTo(31);
		get("/internal/users/4242424231", Caller.system()).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("USER_NOT_FOUND");
		get("/internal/users/nobody", Caller.system()).expectStatus().isBadRequest();
	}

	@Test
	void isForZonePaysOwnServicesOnly() {
		long user = signUp(32);
		client.get()
			.uri("/internal/users/" + user)
			.header("X-ZonePay-Caller", TestCallers.user(user, "GET", "/internal/users/" + user))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
	}

	private RestTestClient.ResponseSpec get(String path, Caller caller) {
		return client.get()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.sign(caller, "GET", path, null))
			.exchange();
	}

	private long signUp(int shard) {
		String header = TestCallers.anonymous("POST", "/api/users", Shard.of(shard));
		return Long.parseLong(client.post()
			.uri("/api/users")
			.header("X-ZonePay-Caller", header)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"payee\"}")
			.exchange()
			.returnResult(Map.class)
			.getResponseBody()
			.get("userId")
			.toString());
	}

}
