package io.zonepay.account.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.account.AccountIntegrationTest;
import io.zonepay.account.ledger.PostingRequest.LegRequest;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.testkit.TestCallers;
import io.zonepay.testkit.TestRouting;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Group commit on PostgreSQL: many concurrent postings, most of them to one hot merchant,
 * each answered exactly (its own posting, or its own refusal), with the books kept: every
 * posting sums to zero, no balance that must not be negative is, and every account's
 * balance is the sum of its entries, booked in order.
 */
@AccountIntegrationTest
class GroupCommitIntegrationTests {

	private static final int THREADS = 16;

	private static final int PAYMENTS = 200;

	private static final Duration BOUND = Duration.ofSeconds(30);

	private static final CurrencyCode CNY = CurrencyCode.of("CNY");

	@LocalServerPort
	int port;

	@Autowired
	GlobalData global;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Postings postings;

	@Autowired
	LedgerBatches batches;

	@Autowired
	Ledger ledger;

	@Autowired
	Deposits deposits;

	@Autowired
	IdGenerator ids;

	@Autowired
	ObjectProvider<ShardScopes> scopes;

	@Autowired
	UserDirectory users;

	@Autowired
	PlatformTransactionManager transactionManager;

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
	void concurrentPostingsToAHotMerchantAreEachAnsweredExactlyAndKeepTheBooks() throws Exception {
		Payers payers = payers();
		long hot = ids.next(Shard.of(1));
		Workload workload = workload(payers, hot, 40);

		List<Answer> answers = run(postings::post, workload.requests());

		assertThat(answers).allSatisfy(answer -> assertThat(answer.failed()).isNull());
		assertThat(answers).allSatisfy(this::answersWhatTheLedgerHolds);
		Map<String, List<Answer>> byReference = answers.stream()
			.collect(Collectors.groupingBy(answer -> answer.request().reference()));
		byReference.forEach((reference, same) -> assertThat(same.stream().filter(Answer::created)).as(reference)
			.hasSizeLessThanOrEqualTo(1));
		assertThat(workload.duplicated()).allSatisfy(reference -> {
			List<Answer> both = byReference.get(reference);
			assertThat(both).hasSize(2).extracting(Answer::created).containsExactlyInAnyOrder(true, false);
			assertThat(both.get(0).posted().posting().id()).isEqualTo(both.get(1).posted().posting().id());
		});
		payers.rich()
			.forEach(rich -> assertThat(paymentsOf(answers, rich))
				.allSatisfy(answer -> assertThat(answer.posted()).as(answer.request().reference()).isNotNull()));
		payers.poor()
			.forEach(poor -> assertThat(paymentsOf(answers, poor))
				.allSatisfy(answer -> assertThat(answer.refusal()).isEqualTo("INSUFFICIENT_FUNDS")));
		payers.tight().forEach(tight -> {
			assertThat(paymentsOf(answers, tight).stream().filter(answer -> answer.posted() != null))
				.hasSize(Payers.TIGHT_PAYMENTS);
			assertThat(balance("USER", tight.value())).isZero();
		});
		long credited = answers.stream().filter(Answer::created).mapToLong(answer -> amountFor(answer, hot)).sum();
		assertThat(balance("MERCHANT", hot)).isEqualTo(credited).isEqualTo(sumOfEntries("MERCHANT", hot));
		assertTheBooksAreKept();
	}

	@Test
	void postingsThatQueueTogetherArePostedInOneTransactionYetAnsweredOneByOne() throws Exception {
		Payers payers = payers();
		long merchant = ids.next(Shard.of(2));
		UserId alice = payers.rich().get(0);
		UserId bob = payers.poor().get(0);
		postings.post(payment("setup:" + merchant, alice, merchant, 100));
		PostingRequest first = payment("batch:1:" + merchant, alice, merchant, 300);
		// The merchant holds 100 + 1 (the posting the writer waits with) + 300 when the
		// refunds come.
		List<PostingRequest> queued = List.of(first, payment("batch:2:" + merchant, bob, merchant, 10),
				refund("batch:3:" + merchant, merchant, alice, 402), first,
				refund("batch:4:" + merchant, merchant, alice, 401),
				payment("batch:5:" + merchant, alice, merchant, 50));

		List<Answer> answers = whileTheWriterWaitsFor(merchant, alice, queued);

		assertThat(answers.get(0).created()).isTrue();
		assertThat(answers.get(1).refusal()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(answers.get(2).refusal()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThat(answers.get(3).created()).isFalse();
		assertThat(answers.get(3).posted().posting()).isEqualTo(answers.get(0).posted().posting());
		assertThat(answers.get(4).posted().posting().entries()).extracting(PostedEntry::balanceAfter).contains(0L);
		assertThat(answers.get(5).posted().posting().entries()).extracting(PostedEntry::balanceAfter).contains(50L);
		assertThat(jdbc.queryForObject("select count(distinct xmin::text) from postings where reference like ?",
				Integer.class, "batch:%:" + merchant))
			.as("transactions that wrote the batch")
			.isOne();
		assertThat(answers).allSatisfy(this::answersWhatTheLedgerHolds);
		assertTheBooksAreKept();
	}

	@Test
	void aPostingOfAShardThisZoneDoesNotHoldFailsAloneInItsBatch() throws Exception {
		Payers payers = payers();
		long merchant = ids.next(Shard.of(3));
		UserId alice = payers.rich().get(0);
		postings.post(payment("setup:" + merchant, alice, merchant, 100));
		// Shard 77 is rz2's: this zone holds no lease for it, and the fence refuses its
		// writes.
		PostingRequest elsewhere = new PostingRequest("fenced:" + merchant, PostingKind.TRANSFER, 77,
				List.of(new LegRequest(AccountKind.TRANSIT, "77", "CNY", -5L),
						new LegRequest(AccountKind.MERCHANT, Long.toString(merchant), "CNY", 5L)));
		List<PostingRequest> queued = List.of(payment("mixed:1:" + merchant, alice, merchant, 10), elsewhere,
				payment("mixed:2:" + merchant, alice, merchant, 20));

		List<Answer> answers = whileTheWriterWaitsFor(merchant, alice, queued);

		assertThat(answers.get(0).created()).isTrue();
		assertThat(answers.get(2).created()).isTrue();
		assertThat(answers.get(1).failed()).isNotNull();
		assertThat(sqlStates(answers.get(1).failed())).contains("ZP421");
		assertThat(ledger.find("fenced:" + merchant)).isEmpty();
		assertThat(balance("MERCHANT", merchant)).isEqualTo(100 + 1 + 10 + 20);
		assertTheBooksAreKept();
	}

	@Test
	void aBatchStuckOnALockGivesUpInTimeAndTheShardGroupsOtherPostingsGoOn() throws Exception {
		Payers payers = payers();
		long stuck = ids.next(Shard.of(11));
		long other = ids.next(Shard.of(12));
		UserId alice = payers.rich().get(0);
		postings.post(payment("setup:" + stuck, alice, stuck, 100));
		try (Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement
					.execute("select id from accounts where kind = 'MERCHANT' and owner_id = " + stuck + " for update");
			}

			Answer waited = answer(postings::post, payment("stuck:" + stuck, alice, stuck, 10));
			Answer next = answer(postings::post, payment("next:" + other, alice, other, 10));

			assertThat(waited.refusal()).isEqualTo("SERVICE_BUSY");
			assertThat(next.created()).as("posted while the row is still held").isTrue();
			holder.rollback();
		}
		assertThat(ledger.find("stuck:" + stuck)).isEmpty();
		assertThat(balance("MERCHANT", stuck)).isEqualTo(100);
		assertTheBooksAreKept();
	}

	@Test
	void aReferenceVoidedWhileItsBatchWaitsIsAnsweredAsVoidedAndMovesNothing() throws Exception {
		UserId alice = funded(13, 1_000);
		long merchant = ids.next(Shard.of(13));
		postings.post(payment("setup:" + merchant, alice, merchant, 100));
		PostingRequest request = payment("voided:" + merchant, alice, merchant, 10);
		PostingBatchProperties patience = new PostingBatchProperties(64, 1024, BOUND);
		PostingWriters writers = new PostingWriters(new LedgerBatches(ledger, users, transactionManager, patience),
				scopes, patience, new SimpleMeterRegistry());
		Postings patient = new Postings(ledger, writers, ids);
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
				Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute(
						"select id from accounts where kind = 'MERCHANT' and owner_id = " + merchant + " for update");
			}
			// The batch looked its reference up and waits for the merchant's account: the
			// void settles the reference meanwhile.
			CompletableFuture<Answer> waiting = CompletableFuture.supplyAsync(() -> answer(patient::post, request),
					callers);
			await().atMost(BOUND)
				.until(() -> jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) > 0);
			postings.voidReference(request.reference(), alice.shard());
			holder.rollback();

			assertThat(waiting.get(BOUND.toSeconds(), TimeUnit.SECONDS).refusal()).isEqualTo("POSTING_VOIDED");
		}
		finally {
			writers.destroy();
		}
		assertThat(ledger.find(request.reference())).hasValueSatisfying(held -> assertThat(held.voided()).isTrue());
		assertThat(balance("MERCHANT", merchant)).isEqualTo(100);
		assertTheBooksAreKept();
	}

	/**
	 * Not a test of speed (nothing is asserted on time): runs the same workload through a
	 * writer that posts each posting alone, as the ledger did before group commit, and
	 * through one that batches as the service does, and prints the transactions and the
	 * rough throughput of each.
	 */
	@Test
	void printsWhatGroupCommitSavesOnTheSameWorkload() throws Exception {
		SimpleMeterRegistry aloneMeters = new SimpleMeterRegistry();
		PostingWriters alone = new PostingWriters(batches, scopes,
				new PostingBatchProperties(1, 1024, Duration.ofSeconds(10)), aloneMeters);
		SimpleMeterRegistry togetherMeters = new SimpleMeterRegistry();
		PostingWriters together = new PostingWriters(batches, scopes,
				new PostingBatchProperties(64, 1024, Duration.ofSeconds(10)), togetherMeters);
		try {
			// The control posts nothing: what it counts (the pool's own sessions, jobs)
			// is
			// in the other rows too.
			List<Figures> figures = List.of(measure("nothing posted (control)", together, togetherMeters, false),
					measure("one posting per transaction", alone, aloneMeters, true),
					measure("group commit (up to 64)", together, togetherMeters, true));
			System.out.printf("%n%-28s %8s %8s %11s %10s %7s %10s %10s%n", "ledger writer", "postings", "batches",
					"xact_commit", "write xids", "ms", "postings/s", "mean batch");
			for (Figures row : figures) {
				System.out.printf("%-28s %8d %8d %11d %10d %7d %10.0f %10.1f%n", row.name(), row.postings(),
						row.batches(), row.commits(), row.xids(), row.millis(),
						row.postings() * 1000.0 / Math.max(1, row.millis()), row.meanBatch());
			}
		}
		finally {
			alone.destroy();
			together.destroy();
		}
	}

	private Figures measure(String name, PostingWriters writers, SimpleMeterRegistry meters, boolean post)
			throws Exception {
		Postings through = new Postings(ledger, writers, ids);
		Payers payers = payers();
		List<PostingRequest> workload = post ? workload(payers, ids.next(Shard.of(4)), 0).requests() : List.of();
		// Warms the path up (connections, plans), then starts from settled statistics.
		run(through::post, workload(payers, ids.next(Shard.of(5)), 0).requests().subList(0, 32));
		DistributionSummary sizes = meters.get("zonepay.ledger.batch.postings").summary();
		long batchesBefore = sizes.count();
		double postedBefore = sizes.totalAmount();
		try (Connection stats = statistics()) {
			Settled before = settle(stats);
			long xidsBefore = nextXid(stats);
			long started = System.nanoTime();
			List<Answer> answers = run(through::post, workload);
			long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			long xids = nextXid(stats) - xidsBefore;
			Settled after = settle(stats);
			// The sessions reopened after the first settling count in both.
			long commits = after.commits() - after.reopened() - before.commits();
			stats.rollback();
			assertThat(answers).allSatisfy(answer -> assertThat(answer.failed()).isNull());
			long batches = sizes.count() - batchesBefore;
			return new Figures(name, answers.size(), batches, commits, xids, millis,
					(sizes.totalAmount() - postedBefore) / Math.max(1, batches));
		}
	}

	/**
	 * Holds the merchant's row while a first posting reaches the writer (which then waits
	 * for the row), queues the postings behind it one after the other, and lets the
	 * writer go: they make its next batch. The writer works as the service's does, but is
	 * patient: its callers wait as long as the test takes.
	 */
	private List<Answer> whileTheWriterWaitsFor(long merchant, UserId payer, List<PostingRequest> queued)
			throws Exception {
		PostingBatchProperties patience = new PostingBatchProperties(64, 1024, BOUND);
		PostingWriters writers = new PostingWriters(new LedgerBatches(ledger, users, transactionManager, patience),
				scopes, patience, new SimpleMeterRegistry());
		Postings patient = new Postings(ledger, writers, ids);
		List<CompletableFuture<Answer>> futures = new ArrayList<>();
		try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
				Connection holder = dataSource.getConnection()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute(
						"select id from accounts where kind = 'MERCHANT' and owner_id = " + merchant + " for update");
			}
			CompletableFuture<Answer> blocked = CompletableFuture
				.supplyAsync(() -> answer(patient::post, payment("blocked:" + merchant, payer, merchant, 1)), callers);
			await().atMost(BOUND)
				.until(() -> jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) > 0);
			for (PostingRequest request : queued) {
				int before = writers.queued();
				futures.add(CompletableFuture.supplyAsync(() -> answer(patient::post, request), callers));
				await().atMost(BOUND).pollInterval(Duration.ofMillis(10)).until(() -> writers.queued() == before + 1);
			}
			holder.rollback();
			assertThat(blocked.get(BOUND.toSeconds(), TimeUnit.SECONDS).created()).isTrue();
			List<Answer> answers = new ArrayList<>();
			for (CompletableFuture<Answer> future : futures) {
				answers.add(future.get(BOUND.toSeconds(), TimeUnit.SECONDS));
			}
			return answers;
		}
		finally {
			writers.destroy();
		}
	}

	/** An answer that names a posting names what the ledger holds for its reference. */
	private void answersWhatTheLedgerHolds(Answer answer) {
		String reference = answer.request().reference();
		if (answer.posted() != null) {
			PostingRecord held = ledger.find(reference).orElseThrow();
			assertThat(held.id()).as(reference).isEqualTo(answer.posted().posting().id());
			assertThat(held.entries()).as(reference)
				.extracting(PostedEntry::amount, PostedEntry::balanceAfter)
				.containsExactlyElementsOf(answer.posted()
					.posting()
					.entries()
					.stream()
					.map(entry -> Tuple.tuple(entry.amount(), entry.balanceAfter()))
					.toList());
		}
		else if ("INSUFFICIENT_FUNDS".equals(answer.refusal())) {
			assertThat(ledger.find(reference)).as(reference).isEmpty();
		}
	}

	/**
	 * The books of the whole database: every posting sums to zero per currency, no user's
	 * or merchant's balance is negative, and every account's entries, in the order they
	 * were booked, run from zero to its balance, each leaving the balance it says.
	 */
	private void assertTheBooksAreKept() {
		assertThat(jdbc
			.queryForList("select posting_id from entries group by posting_id, currency having sum(amount) <> 0"))
			.isEmpty();
		assertThat(jdbc.queryForList("select id from accounts where kind in ('USER', 'MERCHANT') and balance < 0"))
			.isEmpty();
		assertThat(jdbc.queryForList("""
				select a.id from accounts a left join entries e on e.account_id = a.id
				group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)
				""")).isEmpty();
		assertThat(jdbc.queryForList("""
				select id from (
					select id, balance_after - amount
						<> coalesce(lag(balance_after) over (partition by account_id order by id), 0) as broken
					from entries) chain
				where broken
				""")).isEmpty();
	}

	private List<Answer> run(Function<PostingRequest, Ledger.Posted> post, List<PostingRequest> requests)
			throws Exception {
		List<Callable<Answer>> calls = requests.stream()
			.map(request -> (Callable<Answer>) () -> answer(post, request))
			.toList();
		List<Answer> answers = new ArrayList<>();
		try (ExecutorService callers = Executors.newFixedThreadPool(THREADS)) {
			for (Future<Answer> answer : callers.invokeAll(calls, BOUND.toSeconds(), TimeUnit.SECONDS)) {
				answers.add(answer.get());
			}
		}
		return answers;
	}

	private static Answer answer(Function<PostingRequest, Ledger.Posted> post, PostingRequest request) {
		try {
			return new Answer(request, post.apply(request), null, null);
		}
		catch (ProblemException ex) {
			return new Answer(request, null, ex.problem().code(), null);
		}
		catch (RuntimeException ex) {
			return new Answer(request, null, null, ex);
		}
	}

	/**
	 * Payments from rich, poor and tight payers, four in five to the hot merchant, some
	 * sent twice, and refunds from the hot merchant, shuffled.
	 */
	private Workload workload(Payers payers, long hot, int refunds) {
		Random random = new Random(hot);
		List<Long> others = List.of(ids.next(Shard.of(6)), ids.next(Shard.of(7)), ids.next(Shard.of(8)),
				ids.next(Shard.of(9)));
		List<PostingRequest> requests = new ArrayList<>();
		List<String> duplicated = new ArrayList<>();
		int tightPaid = 0;
		for (int i = 0; i < PAYMENTS; i++) {
			long merchant = (i % 5 == 4) ? others.get(i % others.size()) : hot;
			UserId payer;
			long amount;
			if (i % 8 == 6 && tightPaid < 2 * Payers.TIGHT_PAYMENTS + 4) {
				payer = payers.tight().get(tightPaid++ % 2);
				amount = Payers.TIGHT_AMOUNT;
			}
			else if (i % 8 == 7) {
				payer = payers.poor().get(i % 2);
				amount = 1 + random.nextInt(100);
			}
			else {
				payer = payers.rich().get(i % payers.rich().size());
				amount = 1 + random.nextInt(1_000);
			}
			PostingRequest request = payment("pay:" + hot + ":" + i, payer, merchant, amount);
			requests.add(request);
			if (i % 10 == 0 && payers.rich().contains(payer)) {
				requests.add(request);
				duplicated.add(request.reference());
			}
		}
		for (int i = 0; i < refunds; i++) {
			requests.add(refund("refund:" + hot + ":" + i, hot, payers.rich().get(i % payers.rich().size()), 50));
		}
		Collections.shuffle(requests, random);
		return new Workload(requests, duplicated);
	}

	/**
	 * Twelve rich payers (never short), two poor ones (always short) and two tight ones
	 * whose balance pays exactly {@link Payers#TIGHT_PAYMENTS} of their payments.
	 */
	private Payers payers() {
		List<UserId> rich = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			rich.add(funded(10 + i, 10_000_000));
		}
		return new Payers(rich, List.of(funded(30, 0), funded(31, 0)),
				List.of(funded(32, Payers.TIGHT_PAYMENTS * Payers.TIGHT_AMOUNT),
						funded(33, Payers.TIGHT_PAYMENTS * Payers.TIGHT_AMOUNT)));
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
		if (amount > 0) {
			deposits.deposit(user, new Money(amount, CNY));
		}
		return user;
	}

	private static PostingRequest payment(String reference, UserId payer, long merchant, long amount) {
		return new PostingRequest(reference, PostingKind.PAYMENT, payer.shard().value(),
				List.of(new LegRequest(AccountKind.USER, payer.toString(), "CNY", -amount),
						new LegRequest(AccountKind.MERCHANT, Long.toString(merchant), "CNY", amount)));
	}

	private static PostingRequest refund(String reference, long merchant, UserId payer, long amount) {
		return new PostingRequest(reference, PostingKind.REFUND, payer.shard().value(),
				List.of(new LegRequest(AccountKind.MERCHANT, Long.toString(merchant), "CNY", -amount),
						new LegRequest(AccountKind.USER, payer.toString(), "CNY", amount)));
	}

	private static List<Answer> paymentsOf(List<Answer> answers, UserId payer) {
		return answers.stream()
			.filter(answer -> answer.request().kind() == PostingKind.PAYMENT)
			.filter(answer -> answer.request().legs().get(0).owner().equals(payer.toString()))
			.toList();
	}

	/** What an answer's posting moved on a merchant's account. */
	private static long amountFor(Answer answer, long merchant) {
		return answer.request()
			.legs()
			.stream()
			.filter(leg -> leg.account() == AccountKind.MERCHANT && leg.owner().equals(Long.toString(merchant)))
			.mapToLong(LegRequest::amount)
			.sum();
	}

	private long balance(String kind, long owner) {
		return jdbc.queryForObject("select balance from accounts where kind = ? and owner_id = ?", Long.class, kind,
				owner);
	}

	private long sumOfEntries(String kind, long owner) {
		return jdbc.queryForObject("select sum(e.amount) from entries e join accounts a on a.id = e.account_id"
				+ " where a.kind = ? and a.owner_id = ?", Long.class, kind, owner);
	}

	private static List<String> sqlStates(Throwable failure) {
		List<String> states = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				states.add(sql.getSQLState());
			}
		}
		return states;
	}

	/**
	 * A connection that reads the statistics inside one transaction it never commits, so
	 * that reading them adds no commit of its own.
	 */
	private Connection statistics() throws SQLException {
		Connection connection = dataSource.getConnection();
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("set local stats_fetch_consistency = none");
		}
		return connection;
	}

	/**
	 * The database's commits once every session has reported its own. A session reports
	 * them when it ends, or when idle at most every ten seconds; so the pool's sessions
	 * are ended (the pool opens new ones, each with one transaction of its own) and the
	 * count is read once it holds still.
	 */
	private Settled settle(Connection stats) throws SQLException {
		Timestamp evicted = now(stats);
		dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		await().atMost(BOUND).until(() -> sessions(stats, "backend_start < ?", evicted) == 0);
		AtomicLong last = new AtomicLong(-1);
		await().atMost(BOUND)
			.pollInterval(Duration.ofMillis(100))
			.during(Duration.ofMillis(1_200))
			.until(() -> last.getAndSet(commits(stats)) == last.get());
		return new Settled(last.get(), sessions(stats, "backend_start >= ?", evicted));
	}

	private static Timestamp now(Connection stats) throws SQLException {
		try (Statement statement = stats.createStatement();
				ResultSet row = statement.executeQuery("select clock_timestamp()")) {
			row.next();
			return row.getTimestamp(1);
		}
	}

	/** The other sessions on this database whose start matches. */
	private static long sessions(Connection stats, String start, Timestamp at) throws SQLException {
		// The sessions too are read once per transaction, unless asked afresh.
		try (Statement statement = stats.createStatement()) {
			statement.execute("select pg_stat_clear_snapshot()");
		}
		try (PreparedStatement query = stats.prepareStatement("select count(*) from pg_stat_activity"
				+ " where datname = current_database() and backend_type = 'client backend'"
				+ " and pid <> pg_backend_pid() and " + start)) {
			query.setTimestamp(1, at);
			try (ResultSet row = query.executeQuery()) {
				row.next();
				return row.getLong(1);
			}
		}
	}

	private static long commits(Connection stats) throws SQLException {
		try (Statement statement = stats.createStatement();
				ResultSet row = statement
					.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
			row.next();
			return row.getLong(1);
		}
	}

	/** The next transaction id: how many transactions that wrote have started. */
	private static long nextXid(Connection stats) throws SQLException {
		try (Statement statement = stats.createStatement();
				ResultSet row = statement
					.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
			row.next();
			return row.getLong(1);
		}
	}

	private record Answer(PostingRequest request, Ledger.@Nullable Posted posted, @Nullable String refusal,
			@Nullable RuntimeException failed) {

		boolean created() {
			return posted != null && posted.created();
		}
	}

	private record Workload(List<PostingRequest> requests, List<String> duplicated) {
	}

	private record Payers(List<UserId> rich, List<UserId> poor, List<UserId> tight) {

		static final int TIGHT_PAYMENTS = 5;

		static final long TIGHT_AMOUNT = 100;

	}

	/**
	 * The database's commits, and the sessions the pool reopened, each with one of them.
	 */
	private record Settled(long commits, long reopened) {
	}

	private record Figures(String name, int postings, long batches, long commits, long xids, long millis,
			double meanBatch) {
	}

}
