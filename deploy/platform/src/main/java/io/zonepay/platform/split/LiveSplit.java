package io.zonepay.platform.split;

import java.io.PrintStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import org.jspecify.annotations.Nullable;

/**
 * Moves a set of shards, with their rows, out of one shard group into another while the
 * zones serve them, and from one RZone to another, as the design's live split says
 * (docs/design.md, "Adding a cell"):
 * <ol>
 * <li>the joining group fences the moving shards in the split's name; the copy starts
 * (logical replication, {@link ShardCopy}) and catches up;</li>
 * <li>the cut-over: the routing epoch gives the shards to the new zone in the new group;
 * the old zone drains and releases them (its writes for them are fenced from then on);
 * the copy catches up with the last of them and stops; the ledger is settled
 * ({@link SplitLedger}), sequences moved on; the old group's leases of the shards pass to
 * the split, the new group's are released, and the new zone takes them;</li>
 * <li>the moved rows are purged from the old group in bounded batches.</li>
 * </ol>
 * Requests for the moving shards wait at the gateway or the new zone during the cut-over
 * (a bounded wait, or a 421 retried within the budget); the pause is measured per shard
 * from the flip to the new zone's lease.
 */
public final class LiveSplit {

	/** How far past the old group's ids the new group's sequences start. */
	static final long SEQUENCE_STRIDE = 1_000_000_000_000L;

	private static final Duration COPY_BOUND = Duration.ofMinutes(5);

	private static final Duration CUT_OVER_BOUND = Duration.ofSeconds(30);

	private static final int PURGE_BATCH = 500;

	private static final int INBOX_BATCH = 1_000;

	private final Plan plan;

	private final Properties credentials;

	private final Routing routing;

	private final PrintStream out;

	private final WarmConnections connections;

	/**
	 * Where each service's inbox copy made before the cut-over left off: the cut-over
	 * copies only the rows processed since (the inbox keeps a week of events).
	 */
	private final Map<String, OffsetDateTime> inboxCopiedSince = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * Whether the routing change of the cut-over was asked for: no going back from there.
	 */
	private boolean flipping;

	/**
	 * A split: which shards, between which groups and zones, and each service's pair of
	 * databases.
	 *
	 * @param staying a shard the old group keeps, if any (a merge keeps none)
	 * @param databases by service ({@code account}, {@code order}, {@code payment})
	 */
	public record Plan(String name, ShardSet moving, @Nullable Shard staying, ShardGroupId from, ShardGroupId to,
			String fromZone, String toZone, Map<String, Databases> databases) {
	}

	/** A service's database in the old group and in the new one. */
	public record Databases(String source, String target) {
	}

	/** What the split needs from the GZone. */
	public interface Routing {

		/**
		 * Stores the table that gives the moving shards to the new zone in the new group,
		 * and answers its epoch.
		 */
		long cutOver() throws SQLException, InterruptedException;

	}

	/**
	 * What a split did: the copy's length, the pause of each shard, the rows purged.
	 *
	 * @param pauses from the flip until the new zone held the shard's lease, by shard
	 * @param steps when each step of the cut-over ended, from the flip
	 */
	public record Result(Duration copy, Duration cutOver, Map<Shard, Duration> pauses, List<String> steps, long epoch,
			int purged) {

		public Duration longestPause() {
			return pauses.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
		}
	}

	public LiveSplit(Plan plan, Properties credentials, Routing routing, PrintStream out) {
		this.plan = plan;
		this.credentials = credentials;
		this.routing = routing;
		this.out = out;
		this.connections = new WarmConnections(credentials);
	}

	public Result run() throws SQLException, InterruptedException {
		SplitLedger ledger = new SplitLedger(plan.moving(), plan.name());
		for (Databases databases : plan.databases().values()) {
			setLeases(databases.target(), ShardGroupId.SPLIT_LEASE_OWNER, false, 0);
		}
		if (plan.staying() != null) {
			Shard staying = plan.staying();
			inTransaction(account().source(), db -> ledger.rehomeMerchants(db, staying));
		}
		long started = System.nanoTime();
		Map<String, ShardCopy> copies = new LinkedHashMap<>();
		try {
			for (Map.Entry<String, Databases> service : plan.databases().entrySet()) {
				ShardCopy copy = new ShardCopy(service.getValue().source(), service.getValue().target(), credentials,
						plan.name() + "_" + service.getKey(), SplitTables.of(service.getKey(), plan.moving()),
						connections);
				copies.put(service.getKey(), copy);
				copy.start();
				// One service's copy at a time: three at once (a table sync and a
				// walsender per table each) loaded the host every zone's database shares
				// enough for the other zones' gateways to shed.
				require(copy.awaitCaughtUp(COPY_BOUND), "the first copy of " + service.getKey() + " did not finish");
			}
			for (Map.Entry<String, ShardCopy> copy : copies.entrySet()) {
				require(copy.getValue().awaitCaughtUp(COPY_BOUND),
						"the copy of " + copy.getKey() + " did not catch up");
				// Before the flip, outside the pause: the stride is far more ids than
				// the source can take before it releases the shards.
				copy.getValue().moveSequences(SEQUENCE_STRIDE);
			}
			// The bulk of the inboxes too: the pause copies only what came since.
			for (Map.Entry<String, Databases> service : plan.databases().entrySet()) {
				copyInbox(service.getKey(), service.getValue());
			}
			// Every step of the pause on a connection opened before it (at most 3 at
			// once on one database).
			connections.warm(plan.databases()
				.values()
				.stream()
				.flatMap(databases -> java.util.stream.Stream.of(databases.source(), databases.target()))
				.toList(), 3);
			Duration copied = Duration.ofNanos(System.nanoTime() - started);
			out.printf("  copied and caught up in %.1f s; cutting over%n", copied.toMillis() / 1000.0);
			flipping = true;
			CutOver cut = cutOver(copies, ledger);
			copies.clear();
			int purged = purge(ledger);
			out.printf("  purged %d postings' worth of moved rows from %s%n", purged, plan.from());
			return new Result(copied, cut.length(), cut.pauses(), cut.steps(), cut.epoch(), purged);
		}
		catch (SQLException | InterruptedException | RuntimeException ex) {
			if (!flipping) {
				abort(copies.values());
				out.printf("  the split stopped before the cut-over (%s): replication dropped, the copied rows"
						+ " removed from %s; nothing else changed%n", ex.getMessage(), plan.to());
			}
			else {
				out.printf("  the split failed at or after the cut-over (%s): see docs/cells.md, \"When a split"
						+ " fails\"%n", ex.getMessage());
			}
			throw ex;
		}
		finally {
			for (ShardCopy copy : copies.values()) {
				copy.stop();
			}
			connections.close();
		}
	}

	/**
	 * Whether the routing change of the cut-over was asked for: a split that failed
	 * before it changed nothing; one that failed after it needs an operator
	 * (docs/cells.md).
	 */
	public boolean cutOverAsked() {
		return flipping;
	}

	/**
	 * Undoes a split that did not reach the cut-over: the replication goes, and so do the
	 * rows it copied into the new group (the moving shards are fenced there in the
	 * split's name, so no zone wrote any since).
	 */
	private void abort(java.util.Collection<ShardCopy> copies) throws SQLException {
		for (ShardCopy copy : copies) {
			copy.stop();
		}
		for (Map.Entry<String, Databases> service : plan.databases().entrySet()) {
			for (SplitTables.Table table : SplitTables.of(service.getKey(), plan.moving()).reversed()) {
				purgeBatches(service.getValue().target(), table.name(),
						table.filter().isEmpty() ? "true" : table.filter());
			}
		}
	}

	private record CutOver(long epoch, Duration length, Map<Shard, Duration> pauses, List<String> steps) {
	}

	private static String step(String what, long since) {
		return what + " +" + Duration.ofNanos(System.nanoTime() - since).toMillis() + " ms";
	}

	private CutOver cutOver(Map<String, ShardCopy> copies, SplitLedger ledger)
			throws SQLException, InterruptedException {
		long flipped = System.nanoTime();
		double flippedAt = databaseClock(account().source());
		long epoch = routing.cutOver();
		List<SplitLedger.Merchant> merchants = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<SplitLedger.Leg> legs = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<String> steps = new ArrayList<>();
		// Side by side, one chain per service: once its old zone released the shards,
		// its copy catches up and its inbox is copied; account-service's ledger is
		// settled as soon as its own copy has caught up and the old group's merchant
		// accounts are read. The pause is the slowest chain's, not their sum.
		Map<String, Long> done = new java.util.concurrent.ConcurrentSkipListMap<>();
		List<Task> chains = new ArrayList<>();
		plan.databases().forEach((service, databases) -> chains.add(() -> {
			require(await(databases.source(), "owner_zone = ? and not released", plan.fromZone(), 0),
					plan.fromZone() + " did not release shards " + plan.moving().shards() + " in " + service);
			done.put(service + " released", System.nanoTime());
			ShardCopy copy = copies.get(service);
			List<Task> catchUp = new ArrayList<>();
			catchUp.add(() -> {
				require(copy.awaitCaughtUp(CUT_OVER_BOUND),
						"the copy of " + service + " did not catch up after the release");
				done.put(service + " caught up", System.nanoTime());
			});
			catchUp.add(() -> copyInbox(service, databases));
			if (service.equals("account")) {
				catchUp.add(() -> {
					try (Connection source = connect(databases.source())) {
						merchants.addAll(SplitLedger.merchants(source));
						legs.addAll(ledger.crossLegs(source));
					}
				});
			}
			inParallel(catchUp);
			if (service.equals("account")) {
				inTransaction(databases.target(), db -> ledger.settleTarget(db, merchants, legs));
				done.put("ledger settled", System.nanoTime());
			}
		}));
		inParallel(chains);
		steps
			.add(step("caught up and settled", flipped) + " ("
					+ String.join(", ", done.entrySet()
						.stream()
						.sorted(Map.Entry.comparingByValue())
						.map(each -> each.getKey() + " +" + Duration.ofNanos(each.getValue() - flipped).toMillis())
						.toList())
					+ ")");
		List<Task> leases = new ArrayList<>();
		for (Databases databases : plan.databases().values()) {
			leases.add(() -> setLeases(databases.source(), ShardGroupId.SPLIT_LEASE_OWNER, false, epoch));
			leases.add(() -> setLeases(databases.target(), ShardGroupId.SPLIT_LEASE_OWNER, true, epoch));
		}
		inParallel(leases);
		steps.add(step("leases released to " + plan.toZone(), flipped));
		for (Databases databases : plan.databases().values()) {
			require(await(databases.target(), "owner_zone = ? and not released", plan.toZone(),
					plan.moving().shards().size()),
					plan.toZone() + " did not take shards " + plan.moving().shards() + " in " + plan.to());
		}
		steps.add(step("taken by " + plan.toZone(), flipped));
		Duration length = Duration.ofNanos(System.nanoTime() - flipped);
		Map<Shard, Duration> pauses = takenAfter(account().target(), flippedAt);
		// Only now, outside the pause: nothing of the moving shards is written in the old
		// group any more, and the purge that follows must not replicate.
		inParallel(copies.values().stream().<Task>map(copy -> copy::stop).toList());
		out.printf("  cut over at epoch %d in %d ms (%s); longest pause of a shard %d ms%n", epoch, length.toMillis(),
				String.join(", ", steps), pauses.values().stream().mapToLong(Duration::toMillis).max().orElse(0));
		return new CutOver(epoch, length, pauses, steps);
	}

	private int purge(SplitLedger ledger) throws SQLException {
		Databases account = account();
		Shard staying = plan.staying();
		if (staying != null) {
			inTransaction(account.source(), db -> ledger.clearSource(db, staying));
		}
		int purged = 0;
		while (true) {
			int[] batch = new int[1];
			inTransaction(account.source(), db -> batch[0] = ledger.purgePostings(db, PURGE_BATCH, staying));
			purged += batch[0];
			if (batch[0] == 0) {
				break;
			}
		}
		inTransaction(account.source(), db -> ledger.finishSource(db, staying));
		for (Map.Entry<String, Databases> service : plan.databases().entrySet()) {
			for (String table : List.of("refunds", "payments", "transfers", "orders")) {
				if (SplitTables.of(service.getKey(), plan.moving()).stream().anyMatch(t -> t.name().equals(table))) {
					purgeBatches(service.getValue().source(), table, SplitTables.in("id % 100", plan.moving()));
				}
			}
			for (String table : List.of("risk_decisions", "risk_features")) {
				if (SplitTables.of(service.getKey(), plan.moving()).stream().anyMatch(t -> t.name().equals(table))) {
					purgeBatches(service.getValue().source(), table, SplitTables.in("shard", plan.moving()));
				}
			}
			SplitTables.of(service.getKey(), plan.moving())
				.stream()
				.filter(table -> table.name().equals("idempotency_keys"))
				.forEach(table -> uncheck(
						() -> purgeBatches(service.getValue().source(), table.name(), table.filter())));
		}
		return purged;
	}

	private void purgeBatches(String database, String table, String filter) throws SQLException {
		int deleted;
		do {
			int[] count = new int[1];
			inTransaction(database, db -> {
				try (PreparedStatement as = db.prepareStatement("select set_config('zonepay.zone', ?, true)")) {
					as.setString(1, ShardGroupId.SPLIT_LEASE_OWNER);
					as.execute();
				}
				try (PreparedStatement delete = db
					.prepareStatement("delete from " + table + " where ctid in (select ctid" + " from " + table
							+ " where " + filter + " limit " + PURGE_BATCH + ")")) {
					count[0] = delete.executeUpdate();
				}
			});
			deleted = count[0];
		}
		while (deleted > 0);
	}

	/** Runs steps side by side, each on a virtual thread; the first failure is thrown. */
	private static void inParallel(List<Task> tasks) throws SQLException, InterruptedException {
		try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
			List<java.util.concurrent.Future<?>> running = new ArrayList<>();
			tasks.forEach(task -> running.add(threads.submit(() -> {
				task.run();
				return null;
			})));
			for (java.util.concurrent.Future<?> one : running) {
				try {
					one.get();
				}
				catch (java.util.concurrent.ExecutionException ex) {
					if (ex.getCause() instanceof SQLException sql) {
						throw sql;
					}
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
	}

	/** One step of the cut-over. */
	@FunctionalInterface
	private interface Task {

		void run() throws SQLException, InterruptedException;

	}

	/**
	 * The inbox of a service that consumes events: its rows are copied (the new zone
	 * dedupes what the old one handled). It names no shard, so every row goes; a row both
	 * have is kept once. The first call, before the cut-over, copies the bulk; the one in
	 * the pause, once the old zone stopped consuming the shards' events, copies the rows
	 * processed since the first one's snapshot could miss them: since the oldest
	 * transaction then open on that database began (an inbox row is stamped with its
	 * transaction's start), less a second.
	 */
	private void copyInbox(String service, Databases databases) throws SQLException {
		try (Connection source = connect(databases.source())) {
			if (!hasInbox(source)) {
				return;
			}
			source.setAutoCommit(false);
			// One snapshot for the oldest transaction's start and the rows read.
			source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try {
				copyInboxRows(service, source, databases.target());
			}
			finally {
				source.rollback();
				source.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
			}
		}
	}

	private void copyInboxRows(String service, Connection source, String target) throws SQLException {
		OffsetDateTime since = inboxCopiedSince.get(service);
		OffsetDateTime next;
		try (PreparedStatement oldest = source.prepareStatement("select coalesce(min(xact_start), now())"
				+ " - interval '1 second' from pg_stat_activity where datname = current_database()"
				+ " and backend_type = 'client backend'"); ResultSet row = oldest.executeQuery()) {
			row.next();
			next = row.getObject(1, OffsetDateTime.class);
		}
		inTransaction(target, into -> {
			try (PreparedStatement read = source.prepareStatement("select consumer, event_id, processed_at"
					+ " from inbox" + (since == null ? "" : " where processed_at >= ?"));
					PreparedStatement write = into.prepareStatement("insert into inbox (consumer, event_id,"
							+ " processed_at) values (?, ?, ?) on conflict do nothing")) {
				if (since != null) {
					read.setObject(1, since);
				}
				read.setFetchSize(INBOX_BATCH);
				try (ResultSet rows = read.executeQuery()) {
					int batched = 0;
					while (rows.next()) {
						write.setString(1, rows.getString(1));
						write.setObject(2, rows.getObject(2));
						write.setTimestamp(3, rows.getTimestamp(3));
						write.addBatch();
						if (++batched % INBOX_BATCH == 0) {
							write.executeBatch();
						}
					}
				}
				write.executeBatch();
			}
		});
		inboxCopiedSince.put(service, next);
	}

	private static boolean hasInbox(Connection source) throws SQLException {
		try (PreparedStatement present = source.prepareStatement("select to_regclass('inbox') is not null");
				ResultSet has = present.executeQuery()) {
			has.next();
			return has.getBoolean(1);
		}
	}

	/**
	 * Writes the lease rows of the moving shards: the split's own, or released for the
	 * new zone to take.
	 */
	private void setLeases(String database, String owner, boolean released, long epoch) throws SQLException {
		inTransaction(database, db -> {
			try (PreparedStatement upsert = db.prepareStatement("""
					insert into shard_leases (shard, owner_zone, epoch, released, updated_at)
					select shard, ?, ?, ?, now() from unnest(?::smallint[]) as shard
					on conflict (shard) do update set owner_zone = excluded.owner_zone,
						epoch = greatest(shard_leases.epoch, excluded.epoch), released = excluded.released,
						updated_at = now()
					""")) {
				upsert.setString(1, owner);
				upsert.setLong(2, epoch);
				upsert.setBoolean(3, released);
				upsert.setArray(4, shards(db));
				upsert.executeUpdate();
			}
		});
	}

	private Map<Shard, Duration> takenAfter(String database, double flippedAt) throws SQLException {
		Map<Shard, Duration> pauses = new LinkedHashMap<>();
		try (Connection db = connect(database);
				PreparedStatement query = db.prepareStatement("select shard, extract(epoch from updated_at)"
						+ " from shard_leases where shard = any(?::smallint[]) order by shard")) {
			query.setArray(1, shards(db));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					pauses.put(Shard.of(rows.getInt(1)),
							Duration.ofMillis(Math.round((rows.getDouble(2) - flippedAt) * 1000)));
				}
			}
		}
		return pauses;
	}

	private double databaseClock(String database) throws SQLException {
		try (Connection db = connect(database);
				ResultSet now = db.createStatement().executeQuery("select extract(epoch from clock_timestamp())")) {
			now.next();
			return now.getDouble(1);
		}
	}

	/**
	 * Waits, bounded, until as many of the moving shards' lease rows as expected meet the
	 * condition, polling on one connection (a new one each time would fork a backend
	 * every 20 ms on the host every zone's database shares).
	 */
	private boolean await(String database, String condition, String zone, int expected)
			throws SQLException, InterruptedException {
		long until = System.nanoTime() + CUT_OVER_BOUND.toNanos();
		try (Connection db = connect(database);
				PreparedStatement query = db.prepareStatement(
						"select count(*) from shard_leases where shard = any(?::smallint[]) and " + condition)) {
			query.setArray(1, shards(db));
			query.setString(2, zone);
			while (true) {
				try (ResultSet rows = query.executeQuery()) {
					rows.next();
					if (rows.getInt(1) == expected) {
						return true;
					}
				}
				if (System.nanoTime() - until >= 0) {
					return false;
				}
				Thread.sleep(20);
			}
		}
	}

	private Array shards(Connection db) throws SQLException {
		return db.createArrayOf("smallint", plan.moving().shards().stream().map(Shard::value).toArray());
	}

	private Databases account() {
		Databases account = plan.databases().get("account");
		if (account == null) {
			throw new IllegalStateException("a split moves account-service's rows too");
		}
		return account;
	}

	private void inTransaction(String database, Work work) throws SQLException {
		try (Connection db = connect(database)) {
			db.setAutoCommit(false);
			try {
				work.run(db);
				db.commit();
			}
			catch (SQLException | RuntimeException ex) {
				db.rollback();
				throw ex;
			}
		}
	}

	private Connection connect(String database) throws SQLException {
		return connections.connect(database);
	}

	private static void require(boolean condition, String failure) {
		if (!condition) {
			throw new IllegalStateException(failure);
		}
	}

	private static void uncheck(Work.Plain work) {
		try {
			work.run();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@FunctionalInterface
	private interface Work {

		void run(Connection db) throws SQLException;

		@FunctionalInterface
		interface Plain {

			void run() throws SQLException;

		}

	}

}
