package io.zonepay.platform.split;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * The rows of moving shards of one service's database, copied into the new shard group's
 * database and kept in step by PostgreSQL logical replication: a publication with a row
 * filter per table on the source, a slot made first (a subscription to a database of the
 * same cluster otherwise waits for itself), and a subscription on the target that copies
 * the rows, then applies every change in commit order. While it runs, a published table
 * whose row filter names a column outside its primary key has {@code REPLICA IDENTITY
 * FULL}: the source would refuse its updates otherwise. Replication applies rows without
 * firing the target's triggers (the lease fence) and its foreign keys, as a replica's
 * apply does.
 * <p>
 * Both databases are migrated already (the new zone's services did it when they started).
 * Used from one thread.
 */
public final class ShardCopy implements AutoCloseable {

	/** The split's own table in both databases, there only while the split runs. */
	static final String MARKER = "zonepay_split_marker";

	/** How long a stop waits for the walsender to let go of the slot. */
	private static final Duration SLOT_RELEASE = Duration.ofSeconds(5);

	private final String source;

	private final String target;

	private final Properties credentials;

	private final String name;

	private final List<SplitTables.Table> tables;

	private final WarmConnections connections;

	/** Whether the connections are this copy's own, to close when it stops. */
	private final boolean ownsConnections;

	private boolean running;

	/**
	 * @param name the publication's, slot's and subscription's name, unique per split and
	 * service ({@code split_sg5_account})
	 */
	public ShardCopy(String source, String target, Properties credentials, String name,
			List<SplitTables.Table> tables) {
		this(source, target, credentials, name, tables, new WarmConnections(credentials), true);
	}

	/** A copy whose connections come from (and go back to) a split's warm ones. */
	ShardCopy(String source, String target, Properties credentials, String name, List<SplitTables.Table> tables,
			WarmConnections connections) {
		this(source, target, credentials, name, tables, connections, false);
	}

	private ShardCopy(String source, String target, Properties credentials, String name, List<SplitTables.Table> tables,
			WarmConnections connections, boolean ownsConnections) {
		if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
			throw new IllegalArgumentException("not a plain name for a replication: " + name);
		}
		this.source = source;
		this.target = target;
		this.credentials = credentials;
		this.name = name;
		this.tables = List.copyOf(tables);
		this.connections = connections;
		this.ownsConnections = ownsConnections;
	}

	/** Publishes the moving rows, and subscribes the target to them: the copy starts. */
	public void start() throws SQLException {
		for (String database : List.of(source, target)) {
			try (Connection db = connect(database); Statement sql = db.createStatement()) {
				sql.execute("create table if not exists " + MARKER + " (split text primary key, token uuid not null)");
			}
		}
		try (Connection db = connect(source); Statement sql = db.createStatement()) {
			for (SplitTables.Table table : tables) {
				if (!table.keyed()) {
					sql.execute("alter table " + table.name() + " replica identity full");
				}
			}
			sql.execute("create publication " + name + " for table " + MARKER + ", "
					+ String.join(", ", tables.stream().map(SplitTables.Table::published).toList()));
			sql.execute("select pg_create_logical_replication_slot('" + name + "', 'pgoutput')");
		}
		running = true;
		try (Connection db = connect(target); Statement sql = db.createStatement()) {
			sql.execute("create subscription " + name + " connection '" + connection(source) + "' publication " + name
					+ " with (create_slot = false, slot_name = '" + name + "', copy_data = true)");
		}
	}

	/**
	 * Waits, bounded, until the target has every table's first copy and every change the
	 * source had committed when the wait began.
	 * @return whether it had them within the bound
	 */
	public boolean awaitCaughtUp(Duration bound) throws SQLException, InterruptedException {
		String token = UUID.randomUUID().toString();
		try (Connection db = connect(source);
				PreparedStatement mark = db
					.prepareStatement("insert into " + MARKER + " (split, token) values (?, ?::uuid)"
							+ " on conflict (split) do update set token = excluded.token")) {
			mark.setString(1, name);
			mark.setString(2, token);
			mark.executeUpdate();
		}
		long until = System.nanoTime() + bound.toNanos();
		// One connection for the whole wait: a new one every 10 ms is a backend forked
		// and authenticated each time, a burst that the other zones' databases, on the
		// same host, would pay for during the cut-over.
		try (Connection db = connect(target)) {
			boolean copied = false;
			while (true) {
				copied = copied || copied(db);
				if (copied && token.equals(marked(db))) {
					return true;
				}
				if (System.nanoTime() - until >= 0) {
					return false;
				}
				Thread.sleep(10);
			}
		}
	}

	/**
	 * How far, in bytes of WAL, the slot's confirmed position is behind the source's
	 * current one: a figure for a dashboard, counting every database's WAL, not whether
	 * the target has a commit (see {@link #awaitCaughtUp}).
	 */
	public long lagBytes() throws SQLException {
		String lag = single(source, "select coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)"
				+ "::bigint::text from pg_replication_slots where slot_name = '" + name + "'");
		return lag == null ? 0 : Long.parseLong(lag);
	}

	/**
	 * Moves each of the target's sequences far past the source's: sequences are not
	 * replicated, the target's next row must not take a copied id, and a later merge back
	 * must not meet ids the source made meanwhile.
	 * @param stride how far past the source's value (and the target's largest id)
	 */
	public List<String> moveSequences(long stride) throws SQLException {
		List<String> moved = new ArrayList<>();
		try (Connection db = connect(target); Statement sql = db.createStatement()) {
			List<String[]> serials = new ArrayList<>();
			try (ResultSet result = sql.executeQuery("""
					select c.relname, a.attname, pg_get_serial_sequence(c.relname, a.attname)
					from pg_class c join pg_attribute a on a.attrelid = c.oid
					where c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
					and pg_get_serial_sequence(c.relname, a.attname) is not null
					""")) {
				while (result.next()) {
					serials.add(new String[] { result.getString(1), result.getString(2), result.getString(3) });
				}
			}
			for (String[] serial : serials) {
				String sourceValue = single(source, "select last_value::text from " + serial[2]);
				long past = sourceValue == null ? 0 : Long.parseLong(sourceValue);
				sql.execute("select setval('" + serial[2] + "', greatest((select coalesce(max(" + serial[1]
						+ "), 0) from " + serial[0] + "), " + past + ") + " + stride + ", false)");
				moved.add(serial[2]);
			}
		}
		return moved;
	}

	/**
	 * Ends the replication: the subscription, the slot and the publication are dropped,
	 * and the source's tables get their default replica identity back. Each step may have
	 * been done already (a stop that failed half way is run again).
	 */
	public void stop() throws SQLException {
		if (!running) {
			return;
		}
		try (Connection db = connect(target); Statement sql = db.createStatement()) {
			if (single(db, "select 1 from pg_subscription where subname = '" + name + "'") != null) {
				sql.execute("alter subscription " + name + " disable");
				sql.execute("alter subscription " + name + " set (slot_name = none)");
				sql.execute("drop subscription " + name);
			}
		}
		try (Connection db = connect(source); Statement sql = db.createStatement()) {
			dropSlot(db);
			sql.execute("drop publication if exists " + name);
			for (SplitTables.Table table : tables) {
				sql.execute("alter table " + table.name() + " replica identity default");
			}
		}
		for (String database : List.of(source, target)) {
			try (Connection db = connect(database); Statement sql = db.createStatement()) {
				sql.execute("drop table if exists " + MARKER);
			}
		}
		running = false;
		if (ownsConnections) {
			connections.close();
		}
	}

	/**
	 * Drops the slot once no walsender uses it: a disabled subscription's apply worker
	 * leaves at once, but the walsender serving it notices a moment later, and a slot in
	 * use cannot be dropped. One still in use after the bound is ended by force.
	 */
	private void dropSlot(Connection db) throws SQLException {
		String active = "select active_pid::text from pg_replication_slots where slot_name = '" + name + "' and active";
		long until = System.nanoTime() + SLOT_RELEASE.toNanos();
		while (single(db, active) != null && System.nanoTime() - until < 0) {
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
		String pid = single(db, active);
		if (pid != null) {
			single(db, "select pg_terminate_backend(" + Integer.parseInt(pid) + ")::text");
			until = System.nanoTime() + SLOT_RELEASE.toNanos();
			while (single(db, active) != null && System.nanoTime() - until < 0) {
				LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
			}
		}
		single(db, "select pg_drop_replication_slot(slot_name)::text from pg_replication_slots" + " where slot_name = '"
				+ name + "'");
	}

	@Override
	public void close() throws SQLException {
		stop();
	}

	/** Whether every table has had its first copy. */
	private boolean copied(Connection target) throws SQLException {
		return "0".equals(single(target, "select count(*)::text from pg_subscription_rel r join pg_subscription s"
				+ " on s.oid = r.srsubid where s.subname = '" + name + "' and r.srsubstate <> 'r'"));
	}

	/** The token the target shows, if any. */
	private @Nullable String marked(Connection target) throws SQLException {
		return single(target, "select token::text from " + MARKER + " where split = '" + name + "'");
	}

	private @Nullable String single(String url, String sql) throws SQLException {
		try (Connection db = connect(url)) {
			return single(db, sql);
		}
	}

	private static @Nullable String single(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

	private Connection connect(String url) throws SQLException {
		return connections.connect(url);
	}

	/** The source's JDBC URL as a libpq connection string, for the subscription. */
	private String connection(String url) {
		URI uri = URI.create(url.substring("jdbc:".length()));
		String database = uri.getPath().substring(1);
		return "host=" + uri.getHost() + " port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()) + " dbname=" + database
				+ " user=" + credentials.getProperty("user") + (credentials.getProperty("password", "").isEmpty() ? ""
						: " password=" + credentials.getProperty("password"));
	}

}
