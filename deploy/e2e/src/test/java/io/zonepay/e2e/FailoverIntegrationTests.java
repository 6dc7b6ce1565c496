package io.zonepay.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.zonepay.runtime.PeriodicTask;
import io.zonepay.testkit.SharedPostgres;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The LDC promise under fire, through real gateways and zones: a zone killed under load
 * fails over to its standby, which adopts its shard group; a planned drain moves shards
 * under load without a failed request; a client retrying across a failover gets its
 * original answer; and a zombie zone that lost its shards cannot write for them. After
 * each, every acknowledged operation is there exactly once and money is conserved across
 * all zones.
 */
class FailoverIntegrationTests {

	private static final Duration FAILOVER = Duration.ofSeconds(30);

	private static final long START_BALANCE = 1_000_000;

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static String merchant;

	static String admin;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		merchant = Merchants.open(http, zonepay, "Failover Teas", "CNY", "ACTIVE");
		admin = http.token(zonepay.gateway("hz"), 1, "admin");
	}

	/**
	 * Every test leaves the topology as it found it: every zone up and serving its own
	 * shards again.
	 */
	@AfterEach
	void restoreRouting() {
		for (String zone : zonepay.rzones()) {
			await().atMost(FAILOVER).until(() -> zoneStatus(zone).equals("UP"));
		}
		for (String zone : zonepay.rzones()) {
			List<Integer> own = IntStream.range(0, 100)
				.filter(shard -> zonepay.zoneOf(shard).equals(zone))
				.boxed()
				.toList();
			Http.Response moved = adminPost("/admin/routing/moves",
					"{\"shards\": " + own + ", \"toZone\": \"" + zone + "\"}");
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		}
		for (int shard : new int[] { 5, 40, 80 }) {
			awaitServedBy(shard, zonepay.zoneOf(shard));
		}
		new ZoneLedgers(zonepay).assertGlobalBooksBalance();
	}

	@Test
	void aZoneKilledUnderLoadFailsOverAndNothingAcknowledgedIsLostOrDoubled() throws Exception {
		Bank bank = new Bank(usersIn(1, 2, 40, 41, 80, 81));

		bank.runWhile(() -> {
			bank.awaitOperations(20);
			zonepay.killZone("rz1");
			try {
				awaitServedBy(1, "rz2");
				bank.awaitOperations(bank.operations() + 30);
			}
			finally {
				zonepay.startZone("rz1");
			}
		});

		bank.assertBooksBalance();
	}

	@Test
	void aPlannedDrainUnderLoadFailsNoRequest() throws Exception {
		Bank bank = new Bank(usersIn(3, 42, 43, 82));
		List<Integer> drained = IntStream.rangeClosed(34, 66).boxed().toList();

		bank.runWhile(() -> {
			bank.awaitOperations(15);
			Http.Response moved = adminPost("/admin/routing/moves",
					"{\"shards\": " + drained + ", \"toZone\": \"rz1\"}");
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			awaitServedBy(42, "rz1");
			bank.awaitOperations(bank.operations() + 20);
			Http.Response back = adminPost("/admin/routing/moves",
					"{\"shards\": " + drained + ", \"toZone\": \"rz2\"}");
			assertThat(back.status()).as(back.body()).isEqualTo(200);
			awaitServedBy(42, "rz2");
			bank.awaitOperations(bank.operations() + 15);
		});

		assertThat(bank.client.failures()).as("attempts that failed during the drain").isEmpty();
		bank.assertBooksBalance();
	}

	@Test
	void aRetryAcrossAFailoverGetsTheOriginalAnswer() {
		Customer carol = Customer.signUp(http, zonepay.gateway("sh"), 77);
		carol.deposit(5_000, "CNY");
		String order = carol.order(merchant, 1_200, "CNY");
		String key = Customer.freshKey();
		Http.Response paid = carol.pay(order, key);
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);

		Http.Response failedOver = adminPost("/admin/zones/rz3/failover", "{\"toZone\": \"rz2\"}");
		assertThat(failedOver.status()).as(failedOver.body()).isEqualTo(200);
		awaitServedBy(77, "rz2");
		Http.Response again = carol.pay(order, key);

		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.header("X-ZonePay-Zone")).isEqualTo("rz2");
		assertThat(again.json().get("paymentId").asString()).isEqualTo(paid.json().get("paymentId").asString());
		assertThat(carol.balance("CNY")).isEqualTo(3_800);
	}

	/**
	 * A user's risk features live in the shard group's database, so the zone that adopts
	 * the group after a failover goes on counting where the failed one stopped: a burst
	 * cannot be split across a failover to get past the burst rule.
	 */
	@Test
	void aBurstStartedBeforeAFailoverIsStillCountedAfterIt() {
		zonepay.riskMode("FULL", Duration.ofSeconds(3));
		Customer mallory = Customer.signUp(http, zonepay.gateway("sh"), 79);
		mallory.deposit(100_000, "CNY");
		for (int i = 0; i < 15; i++) {
			assertThat(pay(mallory).get("status").asString()).isEqualTo("SUCCEEDED");
		}

		Http.Response failedOver = adminPost("/admin/zones/rz3/failover", "{\"toZone\": \"rz2\"}");
		assertThat(failedOver.status()).as(failedOver.body()).isEqualTo(200);
		awaitServedBy(79, "rz2");
		List<Http.Response> after = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String order = mallory.order(merchant, 100, "CNY");
			Http.Response paid = mallory.pay(order, "pay-" + order);
			assertThat(paid.status()).as(paid.body()).isEqualTo(201);
			after.add(paid);
		}

		assertThat(after.getFirst().header("X-ZonePay-Zone")).isEqualTo("rz2");
		JsonNode first = decision(after.getFirst().json().get("paymentId").asString());
		assertThat(first.get("features").get("payments_1h").asDouble()).as("the attempts made in rz3").isEqualTo(15);
		assertThat(after.stream().map(paid -> paid.json().get("status").asString()))
			.as("the 21st payment of the minute is the first refused, wherever it is made")
			.containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "FAILED", "FAILED",
					"FAILED", "FAILED", "FAILED");
		JsonNode refused = decision(after.get(5).json().get("paymentId").asString());
		assertThat(refused.get("rules").get(0).asString()).isEqualTo("payment-burst");
		assertThat(mallory.balance("CNY")).isEqualTo(100_000 - 20 * 100);
	}

	private static JsonNode pay(Customer payer) {
		String order = payer.order(merchant, 100, "CNY");
		Http.Response paid = payer.pay(order, "pay-" + order);
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		return paid.json();
	}

	private static JsonNode decision(String id) {
		Http.Response found = http.get(zonepay.gateway("hz").resolve("/admin/risk/decisions/" + id), admin);
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		return found.json();
	}

	@Test
	void aZombieThatLostItsShardsUnderLoadCannotWriteForThem() throws Exception {
		Customer dave = Customer.signUp(http, zonepay.gateway("sh"), 78);
		dave.deposit(5_000, "CNY");
		Bank bank = new Bank(usersIn(4, 44, 79, 84));
		List<PeriodicTask> clocks = new ArrayList<>();
		for (String service : List.of("account", "order", "payment")) {
			var context = zonepay.context("rz3", service);
			clocks.add(context.getBean("globalDataRefresh", PeriodicTask.class));
			clocks.add(context.getBean("shardLeaseFollower", PeriodicTask.class));
		}

		bank.runWhile(() -> {
			bank.awaitOperations(15);
			// Paused: rz3 neither hears of new routing tables nor looks at its leases,
			// and believes it still serves its shards.
			clocks.forEach(PeriodicTask::stop);
			try {
				Http.Response failedOver = adminPost("/admin/zones/rz3/failover", "{\"toZone\": \"rz2\"}");
				assertThat(failedOver.status()).as(failedOver.body()).isEqualTo(200);
				await().atMost(FAILOVER).until(() -> leaseOwner("rz3", "account", 78).equals("rz2"));
				bank.awaitOperations(bank.operations() + 20);

				String path = "/api/users/" + dave.id() + "/deposits";
				Http.Response zombieWrite = http.post(
						zonepay.endpoint("rz3", "account").resolve(path), null, Map.of("Idempotency-Key",
								Customer.freshKey(), "X-ZonePay-Caller", TestCallers.user(dave.id(), "POST", path)),
						"{\"amount\": 700, \"currency\": \"CNY\"}");
				assertThat(zombieWrite.status()).as(zombieWrite.body()).isEqualTo(421);
				assertThat(zombieWrite.json().get("code").asString()).isEqualTo("WRONG_ZONE");
			}
			finally {
				// Resumed: it learns the new table, and finds it serves nothing.
				clocks.forEach(PeriodicTask::start);
			}
			bank.awaitOperations(bank.operations() + 10);
		});

		awaitServedBy(78, "rz2");
		assertThat(dave.balance("CNY")).as("the zombie's deposit").isEqualTo(5_000);
		assertThat(dave.ledger()).hasSize(1);
		bank.assertBooksBalance();
	}

	private static List<Customer> usersIn(int... shards) {
		List<Customer> customers = new ArrayList<>();
		for (int shard : shards) {
			Customer customer = Customer.signUp(http, zonepay.gateway(shard >= 67 ? "sh" : "hz"), shard);
			customer.deposit(START_BALANCE, "CNY");
			customers.add(customer);
		}
		return customers;
	}

	/**
	 * Waits until both gateways send a shard's requests to a zone that serves them,
	 * asking for the balances of a user of that shard who does not exist (signing one up
	 * would need the shard served already).
	 */
	private static void awaitServedBy(int shard, String zone) {
		long nobody = 987_654_300L + shard;
		for (String city : List.of("hz", "sh")) {
			String token = http.token(zonepay.gateway(city), nobody, "user");
			await().atMost(FAILOVER).pollInterval(Duration.ofMillis(100)).until(() -> {
				Http.Response balances = http.get(zonepay.gateway(city).resolve("/api/users/" + nobody + "/balances"),
						token);
				return balances.status() < 500 && balances.status() != 421
						&& zone.equals(balances.header("X-ZonePay-Zone"));
			});
		}
	}

	private static String zoneStatus(String zone) {
		Http.Response zones = http.get(zonepay.gateway("hz").resolve("/admin/zones"), admin);
		for (var entry : zones.json().get("zones")) {
			if (entry.get("zoneId").asString().equals(zone)) {
				return entry.get("status").asString();
			}
		}
		return "UNKNOWN";
	}

	private static Http.Response adminPost(String path, String body) {
		return http.post(zonepay.gateway("hz").resolve(path), admin, Map.of(), body);
	}

	private static String leaseOwner(String zone, String service, int shard) throws SQLException {
		try (Connection connection = DriverManager.getConnection(zonepay.database(zone, service), SharedPostgres.user(),
				"");
				PreparedStatement query = connection
					.prepareStatement("select owner_zone from shard_leases where shard = ?")) {
			query.setInt(1, shard);
			try (ResultSet row = query.executeQuery()) {
				return row.next() ? row.getString(1) : "";
			}
		}
	}

	/**
	 * Customers paying a merchant and each other, from a few threads, as patient clients:
	 * every operation is retried with its key until it has a final answer, and what each
	 * acknowledged is remembered to check the books against.
	 */
	static final class Bank {

		private final List<Customer> customers;

		final PatientClient client = new PatientClient(FAILOVER);

		private final AtomicInteger operations = new AtomicInteger();

		private final AtomicBoolean running = new AtomicBoolean(true);

		/**
		 * What each customer's balance must be, from the operations that were
		 * acknowledged.
		 */
		private final Map<Long, Long> expected = new ConcurrentHashMap<>();

		private final List<String> payments = java.util.Collections.synchronizedList(new ArrayList<>());

		private final List<Transfer> transfers = java.util.Collections.synchronizedList(new ArrayList<>());

		Bank(List<Customer> customers) {
			this.customers = customers;
			customers.forEach(customer -> expected.put(customer.id(), START_BALANCE));
		}

		int operations() {
			return operations.get();
		}

		void awaitOperations(int count) {
			await().atMost(FAILOVER.multipliedBy(2)).until(() -> operations.get() >= count);
		}

		/**
		 * Runs the customers on three threads while the scenario plays, then stops them.
		 */
		void runWhile(Scenario scenario) throws Exception {
			ExecutorService threads = Executors.newFixedThreadPool(3);
			try {
				List<Future<?>> workers = new ArrayList<>();
				for (int thread = 0; thread < 3; thread++) {
					workers.add(threads.submit(this::work));
				}
				try {
					scenario.run();
				}
				finally {
					running.set(false);
				}
				for (Future<?> worker : workers) {
					worker.get();
				}
			}
			finally {
				threads.shutdownNow();
			}
		}

		private void work() {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (running.get()) {
				Customer payer = customers.get(random.nextInt(customers.size()));
				if (random.nextBoolean()) {
					pay(payer, 100 + random.nextInt(100));
				}
				else {
					Customer payee = customers.get(random.nextInt(customers.size()));
					if (payee != payer) {
						transfer(payer, payee, 10 + random.nextInt(50));
					}
				}
				operations.incrementAndGet();
			}
		}

		private void pay(Customer payer, long amount) {
			String orderKey = Customer.freshKey();
			String body = "{\"merchantId\": \"" + merchant + "\", \"amount\": " + amount
					+ ", \"currency\": \"CNY\", \"description\": \"bank\"}";
			Http.Response order = client.call("order", () -> payer.placeOrder(orderKey, body));
			assertThat(order.status()).as(order.body()).isEqualTo(201);
			String payKey = Customer.freshKey();
			Http.Response paid = client.call("payment",
					() -> payer.pay(order.json().get("orderId").asString(), payKey));
			assertThat(paid.status()).as(paid.body()).isEqualTo(201);
			if (paid.json().path("failureCode").asString("").equals("RISK_REJECTED")) {
				// Three threads on a handful of users make bursts risk control refuses
				// (over 20 payments a minute): a decided answer, no money moved.
				return;
			}
			assertThat(paid.json().get("status").asString()).isEqualTo("SUCCEEDED");
			payments.add(payer.id() + ":" + paid.json().get("paymentId").asString());
			expected.merge(payer.id(), -amount, Long::sum);
		}

		private void transfer(Customer payer, Customer payee, long amount) {
			String key = Customer.freshKey();
			String body = "{\"toUserId\": \"" + payee.id() + "\", \"amount\": " + amount + ", \"currency\": \"CNY\"}";
			Http.Response sent = client.call("transfer", () -> payer.post("/api/transfers", key, body));
			assertThat(sent.status()).as(sent.body()).isIn(200, 201, 202);
			transfers.add(new Transfer(payer, payee, sent.json().get("transferId").asString(), amount));
		}

		/**
		 * Every acknowledged operation is there once; balances are what they
		 * acknowledged; money is conserved.
		 */
		void assertBooksBalance() {
			for (Transfer transfer : transfers) {
				await().atMost(FAILOVER).until(() -> !transfer.status().equals("PENDING"));
				if (transfer.status().equals("COMPLETED")) {
					expected.merge(transfer.payer().id(), -transfer.amount(), Long::sum);
					expected.merge(transfer.payee().id(), transfer.amount(), Long::sum);
				}
			}
			for (String payment : payments) {
				Customer payer = customers.stream()
					.filter(customer -> payment.startsWith(customer.id() + ":"))
					.findFirst()
					.orElseThrow();
				Http.Response found = payer.get("/api/payments/" + payment.substring(payment.indexOf(':') + 1));
				assertThat(found.json().get("status").asString()).as(payment).isEqualTo("SUCCEEDED");
			}
			for (Customer customer : customers) {
				assertThat(customer.balance("CNY")).as("balance of %s", customer.id())
					.isEqualTo(expected.get(customer.id()));
			}
			new ZoneLedgers(zonepay).assertGlobalBooksBalance();
		}

		@FunctionalInterface
		interface Scenario {

			void run() throws Exception;

		}

		record Transfer(Customer payer, Customer payee, String id, long amount) {

			String status() {
				return payer.get("/api/transfers/" + id).json().get("status").asString();
			}
		}

	}

}
