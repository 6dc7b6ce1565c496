package io.zonepay.account.ledger;

import java.util.Map;
import java.util.Set;

import io.zonepay.account.AccountIntegrationTest;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The internal posting API: idempotent by reference, looked up by reference, voidable,
 * never moving money twice.
 */
@AccountIntegrationTest
class PostingControllerIntegrationTests {

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
	void theSameReferencePostedTwiceMovesMoneyOnceAndAnswersTheSame() {
		long user = fundedUser(21, 5000);
		String first = post(payment("payment:a1", user, 1999)).expectStatus()
			.isCreated()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		post(payment("payment:a1", user, 1999)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("POSTED")
			.jsonPath("$.reference")
			.isEqualTo("payment:a1");
		assertThat(first).contains("\"balanceAfter\":3001");
		assertThat(balance(user)).isEqualTo(3001);
		assertThat(merchantBalance(777)).isGreaterThanOrEqualTo(1999);
		post(payment("payment:a1", user, 2000)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("POSTING_MISMATCH");
	}

	@Test
	void aPostingWithoutTheMoneyMovesNothing() {
		long user = fundedUser(22, 100);
		post(payment("payment:b1", user, 101)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(balance(user)).isEqualTo(100);
		get("/internal/postings/payment:b1").expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("POSTING_NOT_FOUND");
	}

	@Test
	void aVoidedReferenceCanNeverBePostedAndAPostedOneCannotBeVoided() {
		long user = fundedUser(23, 1000);
		voidReference("payment:c1").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("VOIDED");
		post(payment("payment:c1", user, 10)).expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("POSTING_VOIDED");
		assertThat(balance(user)).isEqualTo(1000);

		post(payment("payment:c2", user, 10)).expectStatus().isCreated();
		voidReference("payment:c2").expectStatus().isOk().expectBody().jsonPath("$.state").isEqualTo("POSTED");
		get("/internal/postings/payment:c2").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entries.length()")
			.isEqualTo(2);
	}

	@Test
	void refusesPostingsThatDoNotBalanceOrComeFromUsers() {
		long user = fundedUser(24, 1000);
		String unbalanced = "{\"reference\": \"payment:d1\", \"kind\": \"PAYMENT\", \"shard\": 24, \"legs\": ["
				+ "{\"account\": \"USER\", \"owner\": \"" + user + "\", \"currency\": \"CNY\", \"amount\": -10},"
				+ "{\"account\": \"MERCHANT\", \"owner\": \"777\", \"currency\": \"CNY\", \"amount\": 9}]}";
		post(unbalanced).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
		client.post()
			.uri("/internal/postings")
			.header("X-ZonePay-Caller", TestCallers.user(user, "POST", "/internal/postings"))
			.contentType(MediaType.APPLICATION_JSON)
			.body(payment("payment:d2", user, 10))
			.exchange()
			.expectStatus()
			.isForbidden();
		assertThat(balance(user)).isEqualTo(1000);
	}

	/**
	 * Kinds and accounts travel as their names; deposits, voids and the funding account
	 * are not for other services.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"DEPOSIT\"|\"USER\"", "\"VOID\"|\"USER\"", "\"BONUS\"|\"USER\"",
			"1|\"USER\"", "\"PAYMENT\"|\"FUNDING\"", "\"PAYMENT\"|0" })
	void refusesKindsAndAccountsThatAreNotOtherServicesToPost(String kind, String account) {
		long user = fundedUser(29, 1000);
		String posting = "{\"reference\": \"payment:k" + user + "\", \"kind\": " + kind + ", \"shard\": 29, \"legs\": ["
				+ "{\"account\": " + account + ", \"owner\": \"" + user + "\", \"currency\": \"CNY\", \"amount\": -10},"
				+ "{\"account\": \"MERCHANT\", \"owner\": \"777\", \"currency\": \"CNY\", \"amount\": 10}]}";
		post(posting).expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
		assertThat(balance(user)).isEqualTo(1000);
	}

	@Test
	void aTransitAccountGoesNegativeToCreditATransferFromAnotherZone() {
		long payee = user(26);
		post(transferCredit("transfer:f1:credit", 26, "26", payee, 300)).expectStatus().isCreated();
		post(transferCredit("transfer:f1:credit", 26, "26", payee, 300)).expectStatus().isOk();
		assertThat(balance(payee)).isEqualTo(300);
		assertThat(jdbc.queryForObject(
				"select sum(amount) from entries e join accounts a on a.id = e.account_id"
						+ " join postings p on p.id = e.posting_id"
						+ " where a.kind = 'TRANSIT' and a.owner_id = 26 and p.reference = 'transfer:f1:credit'",
				Long.class))
			.isEqualTo(-300);
		assertThat(jdbc.queryForObject(
				"select balance from accounts where kind = 'TRANSIT' and owner_id = 26 and currency = 'CNY'",
				Long.class))
			.isNegative();

		long shardZero = user(0);
		post(transferCredit("transfer:f2:credit", 0, "0", shardZero, 5)).expectStatus().isCreated();
		assertThat(jdbc.queryForObject("select shard from accounts where kind = 'USER' and owner_id = ?", Integer.class,
				shardZero))
			.isZero();
	}

	@Test
	void aPostingBooksOnlyItsOwnShardsTransitAccount() {
		long payee = user(27);
		post(transferCredit("transfer:g1:credit", 27, "28", payee, 300)).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("VALIDATION_FAILED");
		post(transferCredit("transfer:g2:credit", 27, "x", payee, 300)).expectStatus().isBadRequest();
		assertThat(jdbc.queryForObject("select count(*) from accounts where kind = 'USER' and owner_id = ?",
				Integer.class, payee))
			.isZero();
	}

	@Test
	void aUserAccountNeverGoesNegativeEvenToFillTransit() {
		long payer = fundedUser(28, 100);
		String debit = "{\"reference\": \"transfer:h1:debit\", \"kind\": \"TRANSFER\", \"shard\": 28, \"legs\": ["
				+ "{\"account\": \"USER\", \"owner\": \"" + payer + "\", \"currency\": \"CNY\", \"amount\": -101},"
				+ "{\"account\": \"TRANSIT\", \"owner\": \"28\", \"currency\": \"CNY\", \"amount\": 101}]}";
		post(debit).expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(balance(payer)).isEqualTo(100);
	}

	@Test
	void theLedgerListsAUsersEntriesNewestFirst() {
		long user = fundedUser(25, 1000);
		post(payment("payment:e1", user, 300)).expectStatus().isCreated();
		String path = "/api/users/" + user + "/ledger?limit=10";
		client.get()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(user, "GET", "/api/users/" + user + "/ledger"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.entries[0].kind")
			.isEqualTo("PAYMENT")
			.jsonPath("$.entries[0].amount")
			.isEqualTo(-300)
			.jsonPath("$.entries[0].balanceAfter")
			.isEqualTo(700)
			.jsonPath("$.entries[0].reference")
			.isEqualTo("payment:e1")
			.jsonPath("$.entries[1].kind")
			.isEqualTo("DEPOSIT")
			.jsonPath("$.entries[1].balanceAfter")
			.isEqualTo(1000);
	}

	private long user(int shard) {
		String header = TestCallers.anonymous("POST", "/api/users", Shard.of(shard));
		return Long.parseLong(client.post()
			.uri("/api/users")
			.header("X-ZonePay-Caller", header)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"payer\"}")
			.exchange()
			.returnResult(Map.class)
			.getResponseBody()
			.get("userId")
			.toString());
	}

	private long fundedUser(int shard, long amount) {
		long user = user(shard);
		String path = "/api/users/" + user + "/deposits";
		client.post()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.user(user, "POST", path))
			.header("Idempotency-Key", "fund")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"amount\": " + amount + ", \"currency\": \"CNY\"}")
			.exchange()
			.expectStatus()
			.isCreated();
		return user;
	}

	private static String payment(String reference, long user, long amount) {
		return "{\"reference\": \"" + reference + "\", \"kind\": \"PAYMENT\", \"shard\": " + user % 100
				+ ", \"legs\": [" + "{\"account\": \"USER\", \"owner\": \"" + user
				+ "\", \"currency\": \"CNY\", \"amount\": " + -amount + "},"
				+ "{\"account\": \"MERCHANT\", \"owner\": \"777\", \"currency\": \"CNY\", \"amount\": " + amount
				+ "}]}";
	}

	/**
	 * Transit of the posting's shard (or another owner, to be refused) to a user, as a
	 * payee's zone books a transfer.
	 */
	private static String transferCredit(String reference, int shard, String transitOwner, long payee, long amount) {
		return "{\"reference\": \"" + reference + "\", \"kind\": \"TRANSFER\", \"shard\": " + shard + ", \"legs\": ["
				+ "{\"account\": \"TRANSIT\", \"owner\": \"" + transitOwner + "\", \"currency\": \"CNY\", \"amount\": "
				+ -amount + "}," + "{\"account\": \"USER\", \"owner\": \"" + payee
				+ "\", \"currency\": \"CNY\", \"amount\": " + amount + "}]}";
	}

	private RestTestClient.ResponseSpec post(String body) {
		return client.post()
			.uri("/internal/postings")
			.header("X-ZonePay-Caller", TestCallers.sign(Caller.system(), "POST", "/internal/postings", null))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange();
	}

	private RestTestClient.ResponseSpec voidReference(String reference) {
		String path = "/internal/postings/" + reference + "/void";
		return client.post()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.sign(Caller.system(), "POST", path, null))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"shard\": 3}")
			.exchange();
	}

	private RestTestClient.ResponseSpec get(String path) {
		return client.get()
			.uri(path)
			.header("X-ZonePay-Caller", TestCallers.sign(Caller.system(), "GET", path, null))
			.exchange();
	}

	private long balance(long user) {
		return jdbc.queryForObject("select balance from accounts where kind = 'USER' and owner_id = ?", Long.class,
				user);
	}

	private long merchantBalance(long merchant) {
		return jdbc.queryForObject("select balance from accounts where kind = 'MERCHANT' and owner_id = ?", Long.class,
				merchant);
	}

}
