package io.zonepay.service.shardgroup;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import javax.sql.DataSource;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.routing.RoutingTables;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this zone's shard leases in step with the routing table. Every shard group
 * database has a lease row per shard (owner zone, epoch, released), and every write to a
 * shard's rows checks, in its own transaction, that the lease names the writing zone (the
 * {@code zonepay_fence} trigger). So a zone that lost a shard cannot commit for it, even
 * when it has not heard of the new epoch.
 * <p>
 * A shard the table gives this zone is taken once its previous owner released it, is
 * {@code DOWN} in the table, or has not released it within the hand-off bound; taking it
 * waits for the writes in flight that hold the row. A shard the table takes away is
 * drained first (its requests and events in flight finish, bounded), then released. Pools
 * of adopted shard groups open on adoption and close when the zone holds none of the
 * group's shards.
 */
final class ShardLeases {

	private static final Logger log = LoggerFactory.getLogger(ShardLeases.class);

	private final ZoneId self;

	private final RoutingTables tables;

	private final ShardGroups groups;

	private final ShardGroupDataSource dataSource;

	private final ShardLeaseProperties properties;

	private final Consumer<DataSource> migrate;

	/** Told of every release, once the database has it: the zone's callees hear of it. */
	private final Consumer<ShardsReleased> released;

	/**
	 * The epoch at which each of the zone's callers (the services that call this one
	 * within a shard's work) last said it released each shard; 0 when it has not.
	 */
	private final Map<String, AtomicLongArray> releasedByCallers = new ConcurrentHashMap<>();

	/**
	 * The shards whose leases this zone holds, with the group it holds each in: after a
	 * split moved a shard's group in the table, the old lease is still released where it
	 * was taken.
	 */
	private final Map<Shard, ShardGroupId> held = new ConcurrentHashMap<>();

	private final AtomicLong version = new AtomicLong();

	private final AtomicIntegerArray inFlight = new AtomicIntegerArray(Shard.COUNT);

	private final AtomicLongArray lastEntry = new AtomicLongArray(Shard.COUNT);

	private final Object changes = new Object();

	/** Told after every change of the held shards: they only hand the news on. */
	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/**
	 * When this zone first wanted a shard another live zone still holds: the hand-off
	 * bound runs from here.
	 */
	private final Map<Shard, Long> waitingSince = new HashMap<>();

	private final Set<ShardGroupId> migrated = new HashSet<>();

	/**
	 * The routing epoch and lease version at which this zone last held exactly what the
	 * table gives it: until either moves there is nothing to follow, and a step costs a
	 * comparison (a settled zone steps once a second, and when a new table arrives).
	 */
	private long settledEpoch = -1;

	private long settledVersion = -1;

	ShardLeases(ZoneId self, RoutingTables tables, ShardGroups groups, ShardGroupDataSource dataSource,
			ShardLeaseProperties properties, Consumer<DataSource> migrate) {
		this(self, tables, groups, dataSource, properties, migrate, released -> {
		});
	}

	ShardLeases(ZoneId self, RoutingTables tables, ShardGroups groups, ShardGroupDataSource dataSource,
			ShardLeaseProperties properties, Consumer<DataSource> migrate, Consumer<ShardsReleased> released) {
		this.released = released;
		properties.callers().forEach(caller -> releasedByCallers.put(caller, new AtomicLongArray(Shard.COUNT)));
		this.self = self;
		this.tables = tables;
		this.groups = groups;
		this.dataSource = dataSource;
		this.properties = properties;
		this.migrate = migrate;
		this.migrated.add(groups.home());
	}

	boolean holds(Shard shard) {
		return held.containsKey(shard);
	}

	/** Whether the newest routing table gives the shard to this zone. */
	boolean given(Shard shard) {
		RoutingTable table = tables.current();
		return table != null && table.ownerOf(shard).equals(self);
	}

	Set<Shard> held() {
		return Set.copyOf(held.keySet());
	}

	/** The group in which this zone holds a shard's lease, if it does. */
	@Nullable ShardGroupId heldIn(Shard shard) {
		return held.get(shard);
	}

	/** The groups in which this zone holds a lease. */
	Set<ShardGroupId> heldGroups() {
		return Set.copyOf(held.values());
	}

	/** Grows whenever the set of held shards changes. */
	long version() {
		return version.get();
	}

	/**
	 * Runs {@code listener} on the changing thread after each change of the held shards:
	 * it must only hand the news on (wake a consumer), never wait.
	 */
	void whenChanged(Runnable listener) {
		listeners.add(listener);
	}

	/** Waits, bounded, until this zone holds a shard's lease; answers whether it does. */
	boolean awaitHeld(Shard shard, long timeoutNanos) {
		long deadline = System.nanoTime() + timeoutNanos;
		synchronized (changes) {
			while (!held.containsKey(shard)) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				try {
					changes.wait(Math.max(1, left / 1_000_000));
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return false;
				}
			}
			return true;
		}
	}

	void entered(Shard shard) {
		inFlight.incrementAndGet(shard.value());
		lastEntry.set(shard.value(), System.nanoTime());
	}

	void left(Shard shard) {
		inFlight.decrementAndGet(shard.value());
	}

	/**
	 * One of the zone's callers released shards at an epoch: it sends no more work for
	 * them. Answers whether this zone waits for that caller's word (else it is ignored).
	 */
	boolean releasedBy(String caller, List<Shard> shards, long epoch) {
		AtomicLongArray said = releasedByCallers.get(caller);
		if (said == null) {
			return false;
		}
		shards.forEach(shard -> said.accumulateAndGet(shard.value(), epoch, Math::max));
		return true;
	}

	/**
	 * One step of following the routing table; answers whether there is more to follow (a
	 * lease to take or release). Runs on one thread.
	 */
	boolean follow() {
		RoutingTable table = tables.current();
		if (table == null) {
			return true;
		}
		if (table.epoch() == settledEpoch && version.get() == settledVersion) {
			if (!dataSource.reopened().isEmpty()) {
				closeUnused(Set.copyOf(table.shardsOf(self)));
			}
			return false;
		}
		Set<Shard> served = Set.copyOf(table.shardsOf(self));
		List<Shard> lost = held.keySet().stream().filter(shard -> !served.contains(shard)).sorted().toList();
		if (!lost.isEmpty()) {
			release(lost, table.epoch());
		}
		Map<ShardGroupId, List<Shard>> wanted = new LinkedHashMap<>();
		served.stream()
			.filter(shard -> !held.containsKey(shard))
			.sorted()
			.forEach(shard -> wanted.computeIfAbsent(groups.groupOf(shard), group -> new ArrayList<>()).add(shard));
		waitingSince.keySet().retainAll(served);
		wanted.forEach((group, shards) -> take(group, shards, table));
		closeUnused(served);
		if (lost.isEmpty() && held.keySet().equals(served)) {
			settledEpoch = table.epoch();
			settledVersion = version.get();
			return false;
		}
		return true;
	}

	private void take(ShardGroupId group, List<Shard> shards, RoutingTable table) {
		try {
			DataSource database = dataSource.of(group);
			if (migrated.add(group)) {
				migrate.accept(database);
			}
			List<Shard> taken = takeIn(database, shards, table);
			if (!taken.isEmpty()) {
				taken.forEach(waitingSince::remove);
				changed(() -> taken.forEach(shard -> held.put(shard, group)));
				log.info("Took the leases of {} shard(s) of {} at epoch {}: {}", taken.size(), group, table.epoch(),
						taken);
			}
		}
		catch (SQLException | RuntimeException ex) {
			migrated.remove(group);
			log.warn("Cannot take the leases of shards {} in {} yet ({}); trying again", shards, group, ex.toString());
		}
	}

	private List<Shard> takeIn(DataSource database, List<Shard> shards, RoutingTable table) throws SQLException {
		try (Connection connection = database.getConnection()) {
			connection.setAutoCommit(false);
			try {
				try (Statement statement = connection.createStatement()) {
					statement.execute("set local lock_timeout = '" + properties.lockTimeout().toMillis() + "ms'");
				}
				Array numbers = connection.createArrayOf("smallint", shards.stream().map(Shard::value).toArray());
				try (PreparedStatement missing = connection.prepareStatement("""
						insert into shard_leases (shard, owner_zone, epoch, released, updated_at)
						select shard, ?, 0, true, now() from unnest(?::smallint[]) as shard
						on conflict (shard) do nothing
						""")) {
					missing.setString(1, self.value());
					missing.setArray(2, numbers);
					missing.executeUpdate();
				}
				// Looked at without a lock first: locking the rows of a live owner that
				// is still draining would stall its
				// writes (they queue behind the lock) every round until it releases.
				List<Shard> takeable = takeable(connection, numbers, table, false);
				List<Shard> taken = takeable.isEmpty() ? List.of()
						: takeable(connection,
								connection.createArrayOf("smallint", takeable.stream().map(Shard::value).toArray()),
								table, true);
				if (!taken.isEmpty()) {
					try (PreparedStatement update = connection.prepareStatement(
							"update shard_leases set owner_zone = ?, epoch = ?, released = false, updated_at = now()"
									+ " where shard = any(?)")) {
						update.setString(1, self.value());
						update.setLong(2, table.epoch());
						update.setArray(3,
								connection.createArrayOf("smallint", taken.stream().map(Shard::value).toArray()));
						update.executeUpdate();
					}
				}
				connection.commit();
				return taken;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
	}

	/**
	 * The shards among some whose leases this zone may take now; with {@code lock},
	 * locked for the update (waiting here for the writes in flight of the previous owner:
	 * they hold the rows in key-share mode).
	 */
	private List<Shard> takeable(Connection connection, Array numbers, RoutingTable table, boolean lock)
			throws SQLException {
		List<Shard> takeable = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement(
				"select shard, owner_zone, epoch, released from shard_leases where shard = any(?) order by shard"
						+ (lock ? " for update" : ""))) {
			query.setArray(1, numbers);
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Shard shard = Shard.of(rows.getInt(1));
					if (mayTake(shard, rows.getString(2), rows.getLong(3), rows.getBoolean(4), table, lock)) {
						takeable.add(shard);
					}
				}
			}
		}
		return takeable;
	}

	private boolean mayTake(Shard shard, String owner, long epoch, boolean released, RoutingTable table,
			boolean decided) {
		if (epoch > table.epoch()) {
			// Someone holds it at a newer epoch than this zone knows: this zone is
			// behind.
			return false;
		}
		if (owner.equals(self.value()) || released) {
			return true;
		}
		if (owner.equals(ShardGroupId.SPLIT_LEASE_OWNER)) {
			// A split holds it until its data is here: no bound, the split releases it at
			// the cut-over.
			return false;
		}
		boolean ownerDown = table.zone(ZoneId.of(owner)).map(zone -> zone.status() == ZoneStatus.DOWN).orElse(true);
		if (ownerDown) {
			if (decided) {
				log.warn("Taking shard {} from {}, which is down at epoch {}", shard, owner, table.epoch());
			}
			return true;
		}
		long since = waitingSince.computeIfAbsent(shard, ignored -> System.nanoTime());
		if (System.nanoTime() - since >= properties.handoff().toNanos()) {
			if (decided) {
				log.warn("Taking shard {} from {}, which did not release it within {}", shard, owner,
						properties.handoff());
			}
			return true;
		}
		return false;
	}

	/**
	 * Lets the lost shards' work in flight finish (bounded), then releases their leases
	 * for the new owner.
	 */
	private void release(List<Shard> lost, long epoch) {
		long started = System.nanoTime();
		long deadline = started + properties.drain().toNanos();
		while (!drained(lost, epoch) && System.nanoTime() < deadline) {
			pause();
		}
		// A move's pause is mostly this wait: worth a line when it is read afterwards.
		log.info("Drained {} shard(s) lost at epoch {} in {} ms", lost.size(), epoch,
				(System.nanoTime() - started) / 1_000_000);
		if (!drained(lost, epoch)) {
			log.warn("Shards {} still had work in flight after {}"
					+ "; releasing them anyway (the database fences what is left)", lost, properties.drain());
		}
		Map<ShardGroupId, List<Shard>> byGroup = new LinkedHashMap<>();
		lost.forEach(
				shard -> byGroup.computeIfAbsent(Objects.requireNonNull(held.get(shard)), group -> new ArrayList<>())
					.add(shard));
		// Locally first: from now on this zone neither serves nor writes them.
		changed(() -> lost.forEach(held::remove));
		byGroup.forEach((group, shards) -> {
			try (Connection connection = dataSource.of(group).getConnection();
					PreparedStatement update = connection
						.prepareStatement("update shard_leases set released = true, updated_at = now()"
								+ " where shard = any(?) and owner_zone = ?")) {
				update.setArray(1, connection.createArrayOf("smallint", shards.stream().map(Shard::value).toArray()));
				update.setString(2, self.value());
				update.executeUpdate();
				log.info("Released the leases of {} shard(s) of {} at epoch {}: {}", shards.size(), group, epoch,
						shards);
				tell(new ShardsReleased(group, shards, epoch));
			}
			catch (SQLException | RuntimeException ex) {
				log.warn("Cannot release shards {} of {} ({}); the new owner takes them after the hand-off bound",
						shards, group, ex.toString());
			}
		});
	}

	private void tell(ShardsReleased release) {
		try {
			released.accept(release);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot tell the zone's services of {} ({}); they release after their quiet bound", release,
					ex.toString());
		}
	}

	/**
	 * Whether shards lost at an epoch have no work in flight, and will get none: no new
	 * work for the quiet bound, or every caller of this service has said it released them
	 * at that epoch or later.
	 */
	private boolean drained(List<Shard> shards, long epoch) {
		long now = System.nanoTime();
		return shards.stream().allMatch(shard -> {
			long last = lastEntry.get(shard.value());
			return inFlight.get(shard.value()) == 0
					&& (last == 0 || now - last >= properties.quiet().toNanos() || callersReleased(shard, epoch));
		});
	}

	private boolean callersReleased(Shard shard, long epoch) {
		return !releasedByCallers.isEmpty()
				&& releasedByCallers.values().stream().allMatch(said -> said.get(shard.value()) >= epoch);
	}

	/**
	 * Closes the pools of the groups the zone neither holds nor serves a shard of: those
	 * it gave away, and those a late piece of work opened again after that.
	 */
	private void closeUnused(Set<Shard> served) {
		Set<ShardGroupId> used = new HashSet<>(held.values());
		served.forEach(shard -> used.add(groups.groupOf(shard)));
		for (ShardGroupId group : List.copyOf(migrated)) {
			if (!group.equals(groups.home()) && !used.contains(group) && dataSource.isOpen(group)) {
				dataSource.close(group);
				migrated.remove(group);
			}
		}
		for (ShardGroupId group : dataSource.reopened()) {
			if (used.contains(group)) {
				dataSource.inUse(group);
			}
			else {
				log.info("Closing the pools a late piece of work opened again on shard group {}", group);
				dataSource.close(group);
				migrated.remove(group);
			}
		}
	}

	private void changed(Runnable change) {
		synchronized (changes) {
			change.run();
			version.incrementAndGet();
			changes.notifyAll();
		}
		listeners.forEach(Runnable::run);
	}

	private void pause() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
