package io.zonepay.platform.split;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonepay.kernel.zone.ShardSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.zonepay.platform.split.SplitDatabases.CREDENTIALS;
import static io.zonepay.platform.split.SplitDatabases.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The copy of a live split on a real PostgreSQL with logical decoding: the moving shards'
 * rows of account-service's tables reach the new group's database, and only theirs, with
 * the changes made while the copy ran; sequences move past the copied ids; nothing of the
 * replication is left on either side after it stops.
 */
class ShardCopyIntegrationTests {

	private static final ShardSet MOVING = ShardSet.of("13-24");

	private static SplitDatabases postgres;

	@BeforeAll
	static void startPostgres() throws IOException {
		postgres = SplitDatabases.start();
	}

	@AfterAll
	static void stopPostgres() throws IOException {
		postgres.close();
	}

	@Test
	void copiesTheMovingShardsRowsThenTheirChangesAndLeavesNothingBehindWhenItStops() throws Exception {
		String source = database("sg1_account");
		String target = database("sg5_account");
		// Users in shards 0-24, each paying a merchant whose receivable every shard
		// shares.
		for (int shard = 0; shard < 25; shard++) {
			pay(source, 1_000 + shard, shard, 100 + shard);
		}
		ShardCopy copy = new ShardCopy(source, target, CREDENTIALS, "split_sg5_account",
				SplitTables.of("account", MOVING));
		copy.start();
		assertThat(copy.awaitCaughtUp(Duration.ofSeconds(30))).as("the first copy").isTrue();
		assertThat(column(source,
				"select relname || ' ' || relreplident::text from pg_class where relname in ('users', 'accounts')"
						+ " order by relname"))
			.as("full rows logged only where the filter names more than the key")
			.containsExactly("accounts f", "users d");

		assertThat(column(target, "select shard from users order by shard")).containsExactlyElementsOf(moving());
		assertThat(column(target, "select shard from postings order by shard")).containsExactlyElementsOf(moving());
		assertThat(column(target, "select count(*) from entries")).containsExactly("24");
		assertThat(column(target, "select count(*) from accounts where kind = 'MERCHANT'"))
			.as("the merchant's account stays; its moved entries find the new group's at the cut-over")
			.containsExactly("0");

		// While the copy runs, as a live zone does: pay again in a moving shard and in a
		// staying one.
		pay(source, 2_000 + 14, 14, 7);
		pay(source, 2_000 + 3, 3, 7);
		for (String caller : List.of("user:200014", "user:200003")) {
			asRz1(source,
					"insert into idempotency_keys (caller, idempotency_key, fingerprint, state, claim_token,"
							+ " locked_until, created_at) values ('" + caller + "', 'k', repeat('0', 64), 'IN_FLIGHT',"
							+ " gen_random_uuid(), now(), now())");
			asRz1(source, "update idempotency_keys set state = 'COMPLETED', response_status = 201 where caller = '"
					+ caller + "'");
		}
		assertThat(copy.awaitCaughtUp(Duration.ofSeconds(30))).as("the catch-up").isTrue();
		assertThat(column(target, "select caller || ' ' || state from idempotency_keys"))
			.as("an update of a table filtered by its key, with its default replica identity")
			.containsExactly("user:200014 COMPLETED");
		assertThat(copy.lagBytes()).as("WAL not yet confirmed by the target, all databases' (for a dashboard)")
			.isNotNegative();
		assertThat(column(target, "select count(*) from postings")).containsExactly("13");
		assertThat(column(target, "select balance from accounts where kind = 'USER' and owner_id = 200014"))
			.containsExactly(Long.toString(1_000 - 114 - 7));
		assertThat(column(target, "select count(*) from users where shard = 3")).containsExactly("0");

		List<String> sequences = copy.moveSequences(1_000_000);
		assertThat(sequences).contains("public.accounts_id_seq", "public.entries_id_seq");
		assertThat(Long.parseLong(column(target, "select nextval('accounts_id_seq')").getFirst()))
			.isGreaterThan(Long.parseLong(column(target, "select max(id) from accounts").getFirst()));

		copy.stop();
		assertThat(column(source, "select count(*) from pg_replication_slots")).containsExactly("0");
		assertThat(column(source, "select count(*) from pg_publication")).containsExactly("0");
		assertThat(column(target, "select count(*) from pg_subscription")).containsExactly("0");
		assertThat(column(source, "select to_regclass('" + ShardCopy.MARKER + "')")).containsOnlyNulls();
		assertThat(column(source,
				"select distinct relreplident from pg_class where relname in"
						+ " ('users', 'accounts', 'postings', 'entries', 'idempotency_keys')"))
			.as("default replica identities again")
			.containsExactly("d");
	}

	@Test
	void aStopThatFailedHalfWayFinishesWhenRunAgainAndWaitsForTheSlotToBeLetGo() throws Exception {
		String source = database("sg2_account");
		String target = database("sg6_account");
		pay(source, 1_000, 14, 100);
		ShardCopy copy = new ShardCopy(source, target, CREDENTIALS, "split_sg6_account",
				SplitTables.of("account", MOVING));
		copy.start();
		assertThat(copy.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
		// The first half of a stop, as a stop that failed after it left things: the
		// subscription gone, and the walsender that served it still holding the slot
		// for a moment.
		try (Connection db = DriverManager.getConnection(target, CREDENTIALS); Statement sql = db.createStatement()) {
			sql.execute("alter subscription split_sg6_account disable");
			sql.execute("alter subscription split_sg6_account set (slot_name = none)");
			sql.execute("drop subscription split_sg6_account");
		}

		copy.stop();

		assertThat(column(source, "select count(*) from pg_replication_slots")).containsExactly("0");
		assertThat(column(source, "select count(*) from pg_publication")).containsExactly("0");
		assertThat(column(target, "select count(*) from pg_subscription")).containsExactly("0");
	}

	private static List<String> moving() {
		List<String> shards = new ArrayList<>();
		for (int shard = 13; shard <= 24; shard++) {
			shards.add(Integer.toString(shard));
		}
		return shards;
	}

	/**
	 * A user of the shard (made on first use) pays the merchant: one posting, the user's
	 * and the merchant's entries, both balances, as the ledger writes them.
	 */
	private static void pay(String database, long base, int shard, long amount) throws SQLException {
		long user = 2_000 * 100 + shard;
		long posting = base * 100 + shard;
		try (Connection db = DriverManager.getConnection(database, CREDENTIALS); Statement sql = db.createStatement()) {
			db.setAutoCommit(false);
			sql.execute("select set_config('zonepay.zone', 'rz1', true)");
			sql.execute("insert into users (id, name, shard, created_at) values (" + user + ", 'u', " + shard
					+ ", now()) on conflict do nothing");
			sql.execute("insert into accounts (kind, owner_id, currency, shard, balance) values ('USER', " + user
					+ ", 'CNY', " + shard + ", 1000), ('MERCHANT', 7, 'CNY', 0, 0) on conflict do nothing");
			sql.execute("update accounts set balance = balance - " + amount + " where kind = 'USER' and owner_id = "
					+ user);
			sql.execute("update accounts set balance = balance + " + amount + " where kind = 'MERCHANT'");
			sql.execute("insert into postings (id, reference, kind, shard, created_at) values (" + posting
					+ ", 'payment:" + posting + "', 'PAYMENT', " + shard + ", now())");
			sql.execute("insert into entries (posting_id, account_id, amount, currency, balance_after, created_at)"
					+ " select " + posting + ", id, case when kind = 'USER' then -" + amount + " else " + amount
					+ " end, 'CNY', balance, now() from accounts where (kind = 'USER' and owner_id = " + user
					+ ") or kind = 'MERCHANT'");
			db.commit();
		}
	}

	/**
	 * One statement in a transaction of its own, written as zone rz1 (the lease fence).
	 */
	private static void asRz1(String database, String statement) throws SQLException {
		try (Connection db = DriverManager.getConnection(database, CREDENTIALS); Statement sql = db.createStatement()) {
			db.setAutoCommit(false);
			sql.execute("select set_config('zonepay.zone', 'rz1', true)");
			sql.execute(statement);
			db.commit();
		}
	}

	private static String database(String name) throws SQLException {
		String url = postgres.accountDatabase(name);
		try (Connection db = DriverManager.getConnection(url, CREDENTIALS); Statement sql = db.createStatement()) {
			sql.execute(
					"insert into shard_leases select shard, 'rz1', 1, false, now() from generate_series(0, 99) shard");
		}
		return url;
	}

}
