package io.zonepay.kernel.routing;

import io.zonepay.kernel.zone.Shard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestShardsTests {

	@ParameterizedTest
	@CsvSource({ "GET, /api/users/1237/balances, 37", "POST, /api/users/1200/deposits, 0",
			"GET, /api/orders/98765499, 99", "POST, /api/orders/555/cancel, 55", "POST, /api/payments/301/refunds, 1",
			"GET, /api/transfers/4242/, 42", "GET, /api/users/60, 60", "GET, /admin/risk/decisions/98765413, 13" })
	void routesByTheIdInThePath(String method, String path, int shard) {
		assertThat(RequestShards.of(method, path)).isEqualTo(new RequestShard.OfId(Shard.of(shard)));
	}

	@ParameterizedTest
	@CsvSource({ "POST, /api/orders", "GET, /api/orders", "POST, /api/payments", "POST, /api/transfers" })
	void routesCollectionCallsByTheCaller(String method, String path) {
		assertThat(RequestShards.of(method, path)).isEqualTo(new RequestShard.OfCaller());
	}

	@Test
	void newUsersHaveTheirShardChosen() {
		assertThat(RequestShards.of("POST", "/api/users")).isEqualTo(new RequestShard.ChosenForNewUser());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/admin/routing", "/api/merchants/12", "/api/global/watermark", "/", "/api/users" })
	void leavesGlobalAndAdministrativePathsUnsharded(String path) {
		assertThat(RequestShards.of("GET", path)).isEqualTo(new RequestShard.Unsharded());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/users/abc/balances", "/api/users/-1", "/api/orders/0",
			"/api/payments/99999999999999999999", "/api/users//balances" })
	void flagsIdsThatCannotBeIds(String path) {
		assertThat(RequestShards.of("GET", path)).isInstanceOf(RequestShard.MalformedId.class);
	}

}
