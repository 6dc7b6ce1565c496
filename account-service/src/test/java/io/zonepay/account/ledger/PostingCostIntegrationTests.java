package io.zonepay.account.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.zonepay.account.AccountIntegrationTest;
import io.zonepay.account.ledger.PostingRequest.LegRequest;
import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.testkit.StatementLog;
import io.zonepay.testkit.StatementLog.Summary;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a posting costs the account database, counted at the JDBC driver: a payment's
 * posting (the request waits; the shard group's writer runs the statements) and a batch
 * of postings, which costs what one posting costs.
 */
@AccountIntegrationTest
class PostingCostIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(PostingCostIntegrationTests.class);

	private static final CurrencyCode CNY = CurrencyCode.of("CNY");

	/** Tomcat's request threads. */
	private static final Predicate<String> REQUESTS = thread -> thread.contains("-exec-");

	/** The shard groups' ledger writers. */
	private static final Predicate<String> WRITERS = thread -> thread.startsWith("ledger-writer-");

	@LocalServerPort
	int port;

	@Autowired
	GlobalData global;

	@Autowired
	Deposits deposits;

	@Autowired
	LedgerBatches batches;

	@Autowired
	IdGenerator ids;

	RestTestClient client;

	@BeforeEach
	void setUp() {
		// The same view as the other test classes that share this context: the first one
		// offered stays.
		global.offer(new GlobalView(1, TestRouting.evenly(1, "rz1", "rz2"), Switches.none(),
				Set.of(CNY, CurrencyCode.of("USD"))));
		client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void aPaymentsPostingIsOneTransactionOfItsShardGroupsWriter() {
		UserId payer = funded(41, 10_000);
		long merchant = ids.next(Shard.of(41));
		// The accounts' first posting opens them; a payment's accounts are open already.
		post(payment("cost:open:" + merchant, payer, merchant, 10), 201);

		StatementLog.clear();
		post(payment("cost:pay:" + merchant, payer, merchant, 10), 201);
		Summary writer = StatementLog.of(WRITERS);
		Summary request = StatementLog.of(REQUESTS);

		log.info("A posting, the writer's: {}", writer);
		log.info("A posting, the request's: {}", request);
		assertThat(writer.commits()).as(writer.toString()).isEqualTo(1);
		assertThat(writer.statements()).as(writer.toString()).isEqualTo(5);
		assertThat(writer.rollbacks()).as(writer.toString()).isZero();
		assertThat(request.statements()).as(request.toString()).isZero();
	}

	@Test
	void aBatchOfPostingsCostsWhatOnePostingCosts() {
		List<UserId> payers = List.of(funded(42, 10_000), funded(43, 10_000), funded(44, 10_000));
		long merchant = ids.next(Shard.of(42));
		List<Posting> opening = new ArrayList<>();
		List<Posting> batch = new ArrayList<>();
		for (UserId payer : payers) {
			opening.add(posting("cost:open:" + payer, payer, merchant, 10));
			batch.add(posting("cost:batch:1:" + payer, payer, merchant, 10));
			batch.add(posting("cost:batch:2:" + payer, payer, merchant, 20));
		}
		batches.post(opening);
		String thread = Thread.currentThread().getName();

		StatementLog.clear();
		List<Ledger.Outcome> outcomes = batches.post(batch);
		Summary cost = StatementLog.of(thread::equals);

		log.info("A batch of {} postings: {}", batch.size(), cost);
		assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Ledger.Posted.class));
		assertThat(cost.commits()).as(cost.toString()).isEqualTo(1);
		assertThat(cost.statements()).as(cost.toString()).isEqualTo(5);
	}

	private UserId funded(int shard, long amount) {
		String header = TestCallers.anonymous("POST", "/api/users", Shard.of(shard));
		UserId user = new UserId(Long.parseLong(client.post()
			.uri("/api/users")
			.header("X-ZonePay-Caller", header)
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\": \"payer\"}")
			.exchange()
			.returnResult(Map.class)
			.getResponseBody()
			.get("userId")
			.toString()));
		deposits.deposit(user, new Money(amount, CNY));
		return user;
	}

	private void post(String body, int status) {
		client.post()
			.uri("/internal/postings")
			.header("X-ZonePay-Caller", TestCallers.sign(Caller.system(), "POST", "/internal/postings", null))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isEqualTo(status);
	}

	private Posting posting(String reference, UserId payer, long merchant, long amount) {
		PostingRequest request = new PostingRequest(reference, PostingKind.PAYMENT, payer.shard().value(),
				List.of(new LegRequest(AccountKind.USER, payer.toString(), "CNY", -amount),
						new LegRequest(AccountKind.MERCHANT, Long.toString(merchant), "CNY", amount)));
		return request.toPosting(ids.next(payer.shard(), PostingId::new));
	}

	private static String payment(String reference, UserId payer, long merchant, long amount) {
		return "{\"reference\": \"" + reference + "\", \"kind\": \"PAYMENT\", \"shard\": " + payer.shard().value()
				+ ", \"legs\": [{\"account\": \"USER\", \"owner\": \"" + payer + "\", \"currency\": \"CNY\","
				+ " \"amount\": " + -amount + "}, {\"account\": \"MERCHANT\", \"owner\": \"" + merchant
				+ "\", \"currency\": \"CNY\", \"amount\": " + amount + "}]}";
	}

}
