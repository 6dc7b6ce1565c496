package io.zonepay.account.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.zonepay.account.AccountIntegrationTest;
import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@AccountIntegrationTest
class BalanceControllerIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	GlobalData global;

	@Autowired
	JdbcTemplate jdbc;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		global.offer(new GlobalView(1, TestRouting.evenly(1, "rz1", "rz2"), Switches.none(),
				Set.of(CurrencyCode.of("CNY"), CurrencyCode.of("USD"))));
		client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void depositsMoneyAndShowsTheBalance() {
		long alice = signUp(7);
		deposit(alice, "top-up-1", "{\"amount\": 1000, \"currency\": \"CNY\"}").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.balance")
			.isEqualTo(1000)
			.jsonPath("$.userId")
			.isEqualTo(Long.toString(alice));
		deposit(alice, "top-up-2", "{\"amount\": 250, \"currency\": \"CNY\"}").expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.balance")
			.isEqualTo(1250);
		deposit(alice, "top-up-3", "{\"amount\": 5, \"currency\": \"USD\"}").expectStatus().isCreated();

		get(alice, "/api/users/" + alice + "/balances").expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("X-ZonePay-Zone", "rz1")
			.expectBody()
			.jsonPath("$.balances[0].currency")
			.isEqualTo("CNY")
			.jsonPath("$.balances[0].available")
			.isEqualTo(1250)
			.jsonPath("$.balances[1].currency")
			.isEqualTo("USD")
			.jsonPath("$.balances[1].available")
			.isEqualTo(5);
	}

	@Test
	void aRetriedDepositMovesMoneyOnceAndAnswersTheSame() {
		long bob = signUp(8);
		String body = "{\"amount\": 700, \"currency\": \"CNY\"}";
		String first = deposit(bob, "same-key", body).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		deposit(bob, "same-key", "{ \"currency\": \"CNY\", \"amount\": 700 }").expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals("Idempotent-Replayed", "true")
			.expectBody(String.class)
			.isEqualTo(first);
		assertThat(jdbc.queryForObject("select balance from accounts where kind = 'USER' and owner_id = ?", Long.class,
				bob))
			.isEqualTo(700);
	}

	@Test
	void aKeyReusedForAnotherRequestIsRefused() {
		long carol = signUp(9);
		deposit(carol, "reused", "{\"amount\": 100, \"currency\": \"CNY\"}").expectStatus().isCreated();
		deposit(carol, "reused", "{\"amount\": 101, \"currency\": \"CNY\"}").expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void aDepositWithoutAnIdempotencyKeyIsRefused() {
		long dave = signUp(10);
		String path = "/api/users/" + dave + "/deposits";
		client.post()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(dave, "POST", path))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": 100, \"currency\": \"CNY\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("IDEMPOTENCY_KEY_MISSING");
	}

	@Test
	void anotherUsersMoneyLooksLikeNoUserAtAll() {
		long erin = signUp(11);
		long mallory = signUp(12);
		String path = "/api/users/" + erin + "/balances";
		client.get()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(mallory, "GET", path))
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("USER_NOT_FOUND");
		String deposits = "/api/users/" + erin + "/deposits";
		client.post()
			.uri(deposits)
			.header("X-ZonePay-Caller", TestCallers.user(mallory, "POST", deposits))
			.header("Idempotency-Key", "x")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": 100, \"currency\": \"CNY\"}")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void refusesAmountsAndCurrenciesThatAreNotMoney() {
		long frank = signUp(13);
		for (String body : List.of("{\"amount\": 0, \"currency\": \"CNY\"}", "{\"amount\": -5, \"currency\": \"CNY\"}",
				"{\"amount\": 10.5, \"currency\": \"CNY\"}", "{\"amount\": \"100\", \"currency\": \"CNY\"}",
				"{\"amount\": 100, \"currency\": \"cny\"}", "{\"currency\": \"CNY\"}",
				"{\"amount\": 100000000000, \"currency\": \"CNY\"}",
				"{\"amount\": 99999999999999999999, \"currency\": \"CNY\"}")) {
			deposit(frank, "bad-" + body.hashCode(), body).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.code")
				.value(code -> assertThat(code).as(body).isIn("VALIDATION_FAILED", "AMOUNT_OUT_OF_RANGE"))
				.jsonPath("$.status")
				.isEqualTo(400);
		}
		deposit(frank, "broken", "{\"amount\": ").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("MALFORMED_REQUEST");
		for (String currency : List.of("XYZ", "JPY")) {
			deposit(frank, "unknown-" + currency, "{\"amount\": 100, \"currency\": \"" + currency + "\"}")
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.code")
				.isEqualTo("UNKNOWN_CURRENCY");
		}
		assertThat(jdbc.queryForObject("select count(*) from accounts where owner_id = ?", Long.class, frank)).isZero();
	}

	@Test
	void unknownPathsAndMethodsAreProblemsToo() {
		long judy = signUp(17);
		get(judy, "/api/users/" + judy + "/nothing").expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("NOT_FOUND")
			.jsonPath("$.detail")
			.isEqualTo("no such resource");
		String path = "/api/users/" + judy;
		client.delete()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(judy, "DELETE", path))
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("METHOD_NOT_ALLOWED");
	}

	@Test
	void concurrentDepositsToOneAccountLoseNoUpdate() throws Exception {
		long grace = signUp(14);
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String key = "concurrent-" + i;
			calls.add(() -> deposit(grace, key, "{\"amount\": 10, \"currency\": \"CNY\"}").returnResult(String.class)
				.getStatus()
				.value());
		}
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			for (Future<Integer> status : pool.invokeAll(calls)) {
				assertThat(status.get()).isEqualTo(201);
			}
		}
		assertThat(jdbc.queryForObject("select balance from accounts where kind = 'USER' and owner_id = ?", Long.class,
				grace))
			.isEqualTo(400);
		assertThat(jdbc.queryForObject(
				"select count(*) from entries e join accounts a on a.id = e.account_id where a.owner_id = ?",
				Long.class, grace))
			.isEqualTo(40);
	}

	@Test
	void theSameKeySentTwiceAtOnceMovesMoneyOnce() throws Exception {
		long heidi = signUp(15);
		List<Callable<Integer>> calls = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			calls
				.add(() -> deposit(heidi, "raced", "{\"amount\": 10, \"currency\": \"CNY\"}").returnResult(String.class)
					.getStatus()
					.value());
		}
		List<Integer> statuses = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
			for (Future<Integer> status : pool.invokeAll(calls)) {
				statuses.add(status.get());
			}
		}
		// Each duplicate either waits out the first and replays it (201) or finds it
		// still running (409).
		assertThat(statuses).isSubsetOf(201, 409).contains(201);
		assertThat(jdbc.queryForObject("select balance from accounts where kind = 'USER' and owner_id = ?", Long.class,
				heidi))
			.isEqualTo(10);
	}

	@Test
	void everyCurrencyOfTheLedgerSumsToZero() {
		long ivan = signUp(16);
		deposit(ivan, "a", "{\"amount\": 123, \"currency\": \"CNY\"}").expectStatus().isCreated();
		deposit(ivan, "b", "{\"amount\": 77, \"currency\": \"USD\"}").expectStatus().isCreated();
		List<Map<String, Object>> sums = jdbc
			.queryForList("select currency, sum(balance) as total from accounts group by currency");
		assertThat(sums).isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("total")).longValue()).isZero());
	}

	private long signUp(int shard) {
		String header = TestCallers.anonymous("POST", "/api/users", io.zonepay.kernel.zone.Shard.of(shard));
		String userId = client.post()
			.uri("/api/users")
			.header("X-ZonePay-Caller", header)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"user\"}")
			.exchange()
			.expectStatus()
			.isCreated()
			.returnResult(Map.class)
			.getResponseBody()
			.get("userId")
			.toString();
		return Long.parseLong(userId);
	}

	private RestTestClient.ResponseSpec deposit(long user, String key, String body) {
		String path = "/api/users/" + user + "/deposits";
		return client.post()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(user, "POST", path))
			.header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec get(long user, String path) {
		return client.get().uri(path).header("X-ZonePay-Caller", TestCallers.user(user, "GET", path)).exchange();
	}

}
