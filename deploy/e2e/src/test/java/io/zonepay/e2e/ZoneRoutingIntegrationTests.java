package io.zonepay.e2e;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import io.zonepay.testkit.SharedPostgres;
import io.zonepay.testkit.TestCallers;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's whole flow runs in the RZone that serves its shard, whichever gateway it comes
 * through.
 */
class ZoneRoutingIntegrationTests {

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	static URI sh;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
		sh = zonepay.gateway("sh");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 30, 60, 99 })
	void usersLandInTheZoneTheRoutingTableNames(int shard) throws SQLException {
		String expected = routingTable().get("shards").get(String.format("%02d", shard)).asString();

		Http.Response created = http.post(hz.resolve("/api/users"), null, Map.of(),
				"{\"name\": \"Shard " + shard + "\", \"shard\": " + shard + "}");

		assertThat(created.status()).isEqualTo(201);
		long userId = Long.parseLong(created.json().get("userId").asString());
		assertThat(userId % 100).isEqualTo(shard);
		assertThat(created.json().get("zone").asString()).isEqualTo(expected);
		assertThat(created.header("X-ZonePay-Zone")).isEqualTo(expected);
		for (String zone : zonepay.rzones()) {
			assertThat(storedIn(zone, userId)).as("user %d stored in %s", userId, zone)
				.isEqualTo(zone.equals(expected));
		}
	}

	@Test
	void depositsAndBalancesWorkThroughEitherGateway() {
		long alice = signUp(hz, 72);
		String token = http.token(hz, alice, "user");

		Http.Response deposit = http.post(sh.resolve("/api/users/" + alice + "/deposits"), token,
				Map.of("Idempotency-Key", "first-top-up"), "{\"amount\": 1999, \"currency\": \"CNY\"}");
		assertThat(deposit.status()).isEqualTo(201);
		assertThat(deposit.json().get("balance").asLong()).isEqualTo(1999);
		Http.Response replay = http.post(hz.resolve("/api/users/" + alice + "/deposits"), token,
				Map.of("Idempotency-Key", "first-top-up"), "{\"amount\": 1999, \"currency\": \"CNY\"}");
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(replay.body()).isEqualTo(deposit.body());

		for (URI gateway : new URI[] { hz, sh }) {
			Http.Response balances = http.get(gateway.resolve("/api/users/" + alice + "/balances"), token);
			assertThat(balances.status()).isEqualTo(200);
			assertThat(balances.header("X-ZonePay-Zone")).isEqualTo("rz3");
			assertThat(balances.json().get("balances").get(0).get("available").asLong()).isEqualTo(1999);
		}
	}

	@Test
	void aZoneRefusesAShardItDoesNotServe() {
		long bob = signUp(hz, 5);
		String path = "/api/users/" + bob + "/balances";

		Http.Response misrouted = http.get(zonepay.endpoint("rz2", "account").resolve(path), null,
				TestCallers.user(bob, "GET", path));

		assertThat(misrouted.status()).isEqualTo(421);
		assertThat(misrouted.header("X-ZonePay-Zone")).isEqualTo("rz2");
		assertThat(misrouted.json().get("code").asString()).isEqualTo("WRONG_ZONE");
		assertThat(misrouted.json().get("zone").asString()).isEqualTo("rz1");
	}

	@Test
	void aUserCannotSeeAnotherUsersMoney() {
		long carol = signUp(sh, 40);
		long mallory = signUp(sh, 41);
		Http.Response peek = http.get(hz.resolve("/api/users/" + carol + "/balances"), http.token(hz, mallory, "user"));
		assertThat(peek.status()).isEqualTo(404);
		assertThat(peek.json().get("code").asString()).isEqualTo("USER_NOT_FOUND");
	}

	@Test
	void aServiceRefusesCallsThatDidNotComeThroughAGateway() {
		long dave = signUp(hz, 10);
		Http.Response direct = http.get(zonepay.endpoint("rz1", "account").resolve("/api/users/" + dave + "/balances"),
				null);
		assertThat(direct.status()).isEqualTo(401);
	}

	private static long signUp(URI gateway, int shard) {
		Http.Response created = http.post(gateway.resolve("/api/users"), null, Map.of(),
				"{\"name\": \"someone\", \"shard\": " + shard + "}");
		assertThat(created.status()).isEqualTo(201);
		return Long.parseLong(created.json().get("userId").asString());
	}

	private static JsonNode routingTable() {
		Http.Response routing = http.get(hz.resolve("/admin/routing"), http.token(hz, 1, "admin"));
		assertThat(routing.status()).isEqualTo(200);
		return routing.json();
	}

	private static boolean storedIn(String zone, long userId) throws SQLException {
		try (Connection connection = DriverManager.getConnection(zonepay.accountDatabase(zone), SharedPostgres.user(),
				""); PreparedStatement query = connection.prepareStatement("select count(*) from users where id = ?")) {
			query.setLong(1, userId);
			try (ResultSet result = query.executeQuery()) {
				result.next();
				return result.getInt(1) == 1;
			}
		}
	}

}
