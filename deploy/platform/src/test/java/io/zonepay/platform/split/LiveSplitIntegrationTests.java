package io.zonepay.platform.split;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.zonepay.platform.split.SplitDatabases.CREDENTIALS;
import static io.zonepay.platform.split.SplitDatabases.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole live split of account-service's database on a real PostgreSQL with logical
 * decoding: copy, cut-over (the old zone releases, the new one takes the leases the split
 * releases), ledger settlement and purge. Afterwards each group's books stand on their
 * own, including a merchant every shard shares and transfers within the old group across
 * the split's line, and nobody's money changed.
 */
class LiveSplitIntegrationTests {

	private static final ShardSet MOVING = ShardSet.of("13-24");

	private static SplitDatabases postgres;

	private long postings = 1_000;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = SplitDatabases.start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Test
	void afterTheSplitEachGroupsBooksStandOnTheirOwnAndNobodysMoneyChanged() throws Exception {
		String source = database("split_sg1");
		String target = database("split_sg5");
		leases(source, "rz1", false);
		for (int shard = 0; shard < 25; shard++) {
			topUp(source, shard, 1_000);
			pay(source, shard, 100 + shard);
		}
		transfer(source, 3, 14, 50);
		transfer(source, 15, 4, 70);
		Map<Long, Long> before = userBalances(source);
		String handledBefore = handled(source);

		String[] handledAfterTheFirstCopy = new String[1];
		AtomicBoolean done = new AtomicBoolean();
		CompletableFuture<Void> rz5 = CompletableFuture.runAsync(() -> takeWhenReleased(target, done));
		ByteArrayOutputStream printed = new ByteArrayOutputStream();
		LiveSplit.Plan plan = new LiveSplit.Plan("split_sg5", MOVING, Shard.of(0), ShardGroupId.of("sg1"),
				ShardGroupId.of("sg5"), "rz1", "rz5", Map.of("account", new LiveSplit.Databases(source, target)));
		LiveSplit.Result result;
		try {
			result = new LiveSplit(plan, CREDENTIALS, () -> {
				// Meanwhile, as live zones do: one more payment in a moving shard before
				// the flip, and the old zone releases its shards at the flip.
				pay(source, 14, 9);
				leases(source, "rz1", true);
				handledAfterTheFirstCopy[0] = handled(source);
				return 2;
			}, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
		}
		finally {
			done.set(true);
			rz5.join();
		}

		assertThat(result.epoch()).isEqualTo(2);
		assertThat(result.pauses()).hasSize(12);
		assertThat(column(target, "select distinct shard from users order by shard"))
			.containsExactlyElementsOf(shards(13, 24));
		assertThat(column(source, "select distinct shard from users order by shard"))
			.containsExactlyElementsOf(shards(0, 12));
		assertThat(column(source, "select count(*) from postings where shard between 13 and 24")).containsExactly("0");
		for (String group : List.of(source, target)) {
			assertThat(column(group,
					"select a.id from accounts a left join entries e on e.account_id = a.id"
							+ " group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)"))
				.as("accounts whose balance is not their entries'")
				.isEmpty();
			assertThat(column(group, "select posting_id from entries group by posting_id having sum(amount) <> 0"))
				.isEmpty();
			assertThat(column(group, "select id from accounts where balance < 0 and kind in ('USER', 'MERCHANT')"))
				.isEmpty();
		}
		Map<Long, Long> after = userBalances(source);
		after.putAll(userBalances(target));
		before.merge(200_014L, -9L, Long::sum);
		assertThat(after).isEqualTo(before);
		assertThat(sum(source, "select sum(balance) from accounts") + sum(target, "select sum(balance) from accounts"))
			.as("conservation over both groups")
			.isZero();
		assertThat(sum(source, "select sum(balance) from accounts where kind = 'MERCHANT'")
				+ sum(target, "select sum(balance) from accounts where kind = 'MERCHANT'"))
			.as("the merchant's receivable, split between the groups")
			.isEqualTo(shards(0, 24).stream().mapToLong(shard -> 100 + Long.parseLong(shard)).sum() + 9);
		assertThat(column(target, "select reference from postings where kind = 'SPLIT'"))
			.as("the mover's leg of the transfer that stayed, recorded with its reference")
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.matches("split:split_sg5:p:\\d+03");
		assertThat(column(source, "select reference from postings where kind = 'SPLIT'"))
			.as("the stayer's leg of the transfer that moved")
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.matches("split:split_sg5:p:\\d+15");
		assertThat(column(target, "select owner_zone || ' ' || released from shard_leases where shard = 13"))
			.containsExactly("rz5 false");
		assertThat(column(source, "select owner_zone || ' ' || released from shard_leases where shard = 13"))
			.containsExactly("split false");
		assertThat(Long.parseLong(column(target, "select nextval('entries_id_seq')").getFirst()))
			.isGreaterThan(LiveSplit.SEQUENCE_STRIDE);
		assertThat(column(target, "select event_id::text from inbox"))
			.as("the events handled before the split (copied before the pause) and during it (in the pause)")
			.contains(handledBefore, handledAfterTheFirstCopy[0]);
	}

	/** An event the old zone handles: a row of its inbox. */
	private static String handled(String database) throws SQLException {
		return column(database,
				"insert into inbox (consumer, event_id) values ('ledger', gen_random_uuid()) returning event_id::text")
			.getFirst();
	}

	/** The new zone: takes the moving shards' leases once the split released them. */
	private static void takeWhenReleased(String target, AtomicBoolean done) {
		while (!done.get()) {
			try (Connection db = DriverManager.getConnection(target, CREDENTIALS);
					Statement sql = db.createStatement()) {
				sql.execute("update shard_leases set owner_zone = 'rz5', released = false, updated_at = now()"
						+ " where shard between 13 and 24 and released");
				Thread.sleep(20);
			}
			catch (SQLException ex) {
				// The lease table is there from the start; a failure here is the test's.
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static List<String> shards(int from, int to) {
		List<String> shards = new ArrayList<>();
		for (int shard = from; shard <= to; shard++) {
			shards.add(Integer.toString(shard));
		}
		return shards;
	}

	private void topUp(String database, int shard, long amount) throws SQLException {
		long user = user(shard);
		post(database, shard,
				"insert into users (id, name, shard, created_at) values (" + user + ", 'u', " + shard
						+ ", now()); insert into accounts (kind, owner_id, currency, shard) values ('USER', " + user
						+ ", 'CNY', " + shard + "), ('FUNDING', " + shard + ", 'CNY', " + shard + ")",
				Map.of("kind = 'FUNDING' and owner_id = " + shard, -amount, "kind = 'USER' and owner_id = " + user,
						amount));
	}

	private void pay(String database, int shard, long amount) throws SQLException {
		post(database, shard,
				"insert into accounts (kind, owner_id, currency, shard) values ('MERCHANT', 7, 'CNY', " + shard
						+ ") on conflict do nothing",
				Map.of("kind = 'USER' and owner_id = " + user(shard), -amount, "kind = 'MERCHANT'", amount));
	}

	/**
	 * A transfer within the group: one posting with both users' legs, on the payer's
	 * shard.
	 */
	private void transfer(String database, int from, int to, long amount) throws SQLException {
		post(database, from, "select 1", Map.of("kind = 'USER' and owner_id = " + user(from), -amount,
				"kind = 'USER' and owner_id = " + user(to), amount));
	}

	private void post(String database, int shard, String setUp, Map<String, Long> legs) throws SQLException {
		long posting = ++postings * 100 + shard;
		try (Connection db = DriverManager.getConnection(database, CREDENTIALS); Statement sql = db.createStatement()) {
			db.setAutoCommit(false);
			sql.execute("select set_config('zonepay.zone', 'rz1', true)");
			sql.execute(setUp);
			sql.execute("insert into postings (id, reference, kind, shard, created_at) values (" + posting + ", 'p:"
					+ posting + "', 'TEST', " + shard + ", now())");
			for (Map.Entry<String, Long> leg : legs.entrySet()) {
				sql.execute("update accounts set balance = balance + " + leg.getValue() + " where " + leg.getKey());
				sql.execute("insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)"
						+ " select " + posting + ", id, " + leg.getValue() + ", 'CNY', balance, now() from accounts"
						+ " where " + leg.getKey());
			}
			db.commit();
		}
	}

	private static long user(int shard) {
		return 2_000L * 100 + shard;
	}

	private static Map<Long, Long> userBalances(String database) throws SQLException {
		Map<Long, Long> balances = new java.util.TreeMap<>();
		try (Connection db = DriverManager.getConnection(database, CREDENTIALS);
				Statement sql = db.createStatement();
				ResultSet rows = sql.executeQuery("select owner_id, balance from accounts where kind = 'USER'")) {
			while (rows.next()) {
				balances.put(rows.getLong(1), rows.getLong(2));
			}
		}
		return balances;
	}

	private static void leases(String database, String owner, boolean released) throws SQLException {
		try (Connection db = DriverManager.getConnection(database, CREDENTIALS); Statement sql = db.createStatement()) {
			sql.execute("insert into shard_leases select shard, '" + owner + "', 1, " + released
					+ ", now() from generate_series(0, 99) shard on conflict (shard) do update set released = "
					+ released + " where shard_leases.shard between 13 and 24");
		}
	}

	private static long sum(String database, String query) throws SQLException {
		String value = column(database, query).getFirst();
		return value == null ? 0 : Long.parseLong(value);
	}

	private static String database(String name) throws SQLException {
		return postgres.accountDatabase(name);
	}

}
