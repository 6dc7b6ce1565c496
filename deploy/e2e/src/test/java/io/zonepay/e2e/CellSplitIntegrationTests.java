package io.zonepay.e2e;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.platform.CellPlans;
import io.zonepay.platform.ServiceArguments;
import io.zonepay.platform.split.LiveSplit;
import io.zonepay.testkit.SharedPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cell joins the running platform with its data and leaves again, as
 * {@code ./zonepay zone add} and {@code zone remove} do: shards 60-66 of rz2 (sg2) move
 * into a new shard group sg9 served by a new RZone rz9, live, and merge back. Users of
 * the moving shards keep their money and read their whole history from the new cell; a
 * transfer within the old group across the split's line, a payment to a merchant every
 * shard shares, and new payments after the move all balance; the books of every group
 * stand on their own after each step.
 */
class CellSplitIntegrationTests {

	private static final ShardSet MOVING = ShardSet.of("60-66");

	/** Two hops over Kafka through the outbox, with a ledger call at each end. */
	private static final Duration SAGA = Duration.ofSeconds(15);

	static EndToEndTopology zonepay;

	static Http http = new Http();

	static URI hz;

	@BeforeAll
	static void startZonePay() {
		zonepay = EndToEndTopology.get();
		hz = zonepay.gateway("hz");
	}

	@Test
	void aCellJoinsWithItsShardsDataAndLeavesAgainAndNoMoneyMoves() throws Exception {
		String admin = http.token(hz, 1, "admin");
		String merchant = Merchants.open(http, zonepay, "Cell shop", "CNY", "ACTIVE");
		Customer mover = Customer.signUp(http, hz, 62);
		Customer stayer = Customer.signUp(http, hz, 40);
		mover.deposit(10_000, "CNY");
		stayer.deposit(10_000, "CNY");
		String paid = payment(mover, merchant, 1_200);
		transfer(mover, stayer, 700);
		transfer(stayer, mover, 300);
		List<String> history = references(mover);

		CellPlans.Move split = CellPlans.addition(zonepay.topology(), ZoneId.of("rz9"), CityId.of("sh"), MOVING, null);
		Http.Response joined = http.post(hz.resolve("/admin/routing/zones"), admin, Map.of(),
				"{\"zoneId\": \"rz9\", \"city\": \"sh\", \"endpoints\": " + endpoints(split.taking()) + "}");
		assertThat(joined.status()).as(joined.body()).isEqualTo(200);
		zonepay.joinCell(split.after(), "rz9");
		LiveSplit.Result result = move(split, admin);

		assertThat(result.pauses()).hasSize(MOVING.shards().size());
		JsonNode routing = http.get(hz.resolve("/admin/routing"), admin).json();
		for (Shard shard : MOVING.shards()) {
			assertThat(routing.get("shards").get(shard.toString()).asString()).isEqualTo("rz9");
			assertThat(routing.get("groups").get(shard.toString()).asString()).isEqualTo("sg9");
		}
		assertThat(mover.balance("CNY")).isEqualTo(10_000 - 1_200 - 700 + 300);
		assertThat(references(mover)).as("the mover's whole ledger, read from the new cell")
			.containsExactlyInAnyOrderElementsOf(history);
		assertThat(mover.get("/api/payments/" + paid).json().get("status").asString()).isEqualTo("SUCCEEDED");
		Http.Response served = mover.get("/api/users/" + mover.id() + "/balances");
		assertThat(served.header("X-ZonePay-Zone")).isEqualTo("rz9");
		payment(mover, merchant, 500);
		transfer(mover, stayer, 100);
		assertBooks();

		CellPlans.Move merge = CellPlans.removal(split.after(), ZoneId.of("rz9"), ZoneId.of("rz2"));
		move(merge, admin);
		zonepay.leaveCell("rz9");
		Http.Response left = http.delete(hz.resolve("/admin/routing/zones/rz9"), admin);
		assertThat(left.status()).as(left.body()).isEqualTo(200);
		assertThat(left.json().get("zones").valueStream().map(zone -> zone.get("zoneId").asString()))
			.doesNotContain("rz9");

		assertThat(mover.balance("CNY")).isEqualTo(10_000 - 1_200 - 700 + 300 - 500 - 100);
		assertThat(stayer.balance("CNY")).isEqualTo(10_000 + 700 - 300 + 100);
		assertThat(mover.get("/api/users/" + mover.id() + "/balances").header("X-ZonePay-Zone")).isEqualTo("rz2");
		assertThat(references(mover)).as("the mover's whole ledger, home again").containsAll(history);
		payment(mover, merchant, 100);
		assertBooks();
	}

	private static LiveSplit.Result move(CellPlans.Move move, String admin) throws Exception {
		Map<String, LiveSplit.Databases> databases = new LinkedHashMap<>();
		for (String service : ServiceArguments.rzoneServices()) {
			databases.put(service,
					new LiveSplit.Databases(database(move.giving(), service), database(move.taking(), service)));
		}
		LiveSplit.Plan plan = new LiveSplit.Plan("split_" + move.from() + "_" + move.to(), move.moving(),
				move.staying(), move.from(), move.to(), move.giving().id().value(), move.taking().id().value(),
				databases);
		Properties credentials = new Properties();
		credentials.setProperty("user", SharedPostgres.user());
		credentials.setProperty("password", "");
		String body = "{\"shards\": "
				+ move.moving()
					.shards()
					.stream()
					.map(shard -> Integer.toString(shard.value()))
					.collect(Collectors.joining(", ", "[", "]"))
				+ ", \"toZone\": \"" + move.taking().id() + "\", \"toGroup\": \"" + move.to() + "\"}";
		return new LiveSplit(plan, credentials, () -> {
			Http.Response moved = http.post(hz.resolve("/admin/routing/moves"), admin, Map.of(), body);
			assertThat(moved.status()).as(moved.body()).isEqualTo(200);
			return moved.json().get("epoch").asLong();
		}, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
	}

	private static String database(Topology.ZoneSpec zone, String service) {
		return SharedPostgres.serverUrl() + ServiceArguments.database(zone, service);
	}

	private static String endpoints(Topology.ZoneSpec zone) {
		return zone.endpoints()
			.entrySet()
			.stream()
			.map(endpoint -> "\"" + endpoint.getKey() + "\": \"" + endpoint.getValue() + "\"")
			.collect(Collectors.joining(", ", "{", "}"));
	}

	private static String payment(Customer customer, String merchant, long amount) {
		Http.Response paid = customer.pay(customer.order(merchant, amount, "CNY"), Customer.freshKey());
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().get("status").asString()).isEqualTo("SUCCEEDED");
		return paid.json().get("paymentId").asString();
	}

	private static void transfer(Customer from, Customer to, long amount) {
		Http.Response sent = from.post("/api/transfers", Customer.freshKey(),
				"{\"toUserId\": \"" + to.id() + "\", \"amount\": " + amount + ", \"currency\": \"CNY\"}");
		assertThat(sent.status()).as(sent.body()).isEqualTo(202);
		String id = sent.json().get("transferId").asString();
		await().atMost(SAGA)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> from.get("/api/transfers/" + id).json().get("status").asString().equals("COMPLETED"));
	}

	/**
	 * The references of a customer's ledger, oldest first; a leg recorded by a split
	 * ({@code split:<split>:<reference>}) by the reference it records.
	 */
	private static List<String> references(Customer customer) {
		return customer.ledger()
			.valueStream()
			.map(entry -> entry.get("reference").asString().replaceFirst("^split:[a-z0-9_]+:", ""))
			.toList()
			.reversed();
	}

	private static void assertBooks() {
		ZoneLedgers ledgers = new ZoneLedgers(zonepay);
		ledgers.assertMoneyIsConserved();
		ledgers.assertGlobalBooksBalance();
	}

}
