package io.zonepay.service.shardgroup;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.testkit.SharedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two zones sharing one shard group's database, on real PostgreSQL: the leases follow the
 * routing table, and the database refuses every write for a shard from a zone that does
 * not hold its lease, a zombie included.
 */
class ShardLeasesIntegrationTests {

	private static final ShardGroupId GROUP = ShardGroupId.of("sg1");

	private final List<HikariDataSource> pools = new ArrayList<>();

	private String url;

	private Member rz1;

	private Member rz2;

	@BeforeEach
	void createShardGroup() throws SQLException {
		url = SharedPostgres.createDatabase("leases");
		HikariDataSource setup = pool("setup");
		try (Connection connection = setup.getConnection()) {
			connection.createStatement().execute("create table orders (id bigint primary key, note text)");
			connection.createStatement()
				.execute("create table accounts (id bigint primary key, shard smallint not null, balance bigint)");
		}
		Flyway.configure()
			.dataSource(setup)
			.locations("classpath:db/zonepay-shard-leases")
			.table("zonepay_shard_leases_history")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		rz1 = new Member("rz1");
		rz2 = new Member("rz2");
	}

	@AfterEach
	void close() {
		pools.forEach(HikariDataSource::close);
	}

	@Test
	void eachZoneTakesTheLeasesOfItsShardsAndOnlyItsWritesCommit() throws SQLException {
		RoutingTable first = table(1, ZoneStatus.UP, Map.of());
		rz1.follow(first);
		rz2.follow(first);

		assertThat(rz1.leases.holds(Shard.of(7))).isTrue();
		assertThat(rz2.leases.holds(Shard.of(7))).isFalse();
		rz1.write(107);
		assertThatThrownBy(() -> rz2.write(207)).isInstanceOf(SQLException.class)
			.hasMessageContaining("not leased to zone rz2")
			.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("ZP421"));
	}

	@Test
	void theFenceReadsTheShardOfAnInsertAnUpdateAndADeleteByIdOrShardColumn() throws SQLException {
		RoutingTable first = table(1, ZoneStatus.UP, Map.of());
		rz1.follow(first);
		rz2.follow(first);
		rz1.write(107);

		for (String write : List.of("insert into accounts (id, shard, balance) values (1, 7, 0)",
				"update accounts set balance = 5 where id = 1", "update orders set note = 'x' where id = 107",
				"delete from accounts where id = 1", "delete from orders where id = 107")) {
			assertThatThrownBy(() -> rz2.execute(write)).as(write)
				.isInstanceOf(SQLException.class)
				.satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("ZP421"));
			rz1.execute(write);
		}
		assertThat(count(107)).isZero();
	}

	@Test
	void aPlannedMoveWaitsForTheOldOwnerToReleaseThenFlips() throws SQLException {
		rz1.follow(table(1, ZoneStatus.UP, Map.of()));
		rz2.follow(table(1, ZoneStatus.UP, Map.of()));
		RoutingTable moved = table(2, ZoneStatus.UP, Map.of(7, "rz2"));
		AtomicInteger releasesTold = new AtomicInteger();
		AtomicInteger takesTold = new AtomicInteger();
		rz1.leases.whenChanged(releasesTold::incrementAndGet);
		rz2.leases.whenChanged(takesTold::incrementAndGet);

		rz2.follow(moved);
		assertThat(rz2.leases.holds(Shard.of(7))).as("taken before the live owner released it").isFalse();
		assertThat(takesTold).as("told of a change that did not happen").hasValue(0);
		rz1.follow(moved);
		rz2.follow(moved);

		assertThat(rz1.leases.holds(Shard.of(7))).isFalse();
		assertThat(rz2.leases.holds(Shard.of(7))).isTrue();
		// A consumer waiting on its poll follows a lease the moment it changes hands.
		assertThat(releasesTold).hasValue(1);
		assertThat(takesTold).hasValue(1);
		rz2.write(307);
		assertThatThrownBy(() -> rz1.write(407)).isInstanceOf(SQLException.class)
			.hasMessageContaining("not leased to zone rz1");
	}

	@Test
	void aZombieThatNeverHeardOfTheFailoverCannotCommit() throws SQLException {
		rz1.follow(table(1, ZoneStatus.UP, Map.of()));
		rz2.follow(table(1, ZoneStatus.UP, Map.of()));

		// rz1 is down in the new table, and never sees it: its leases are taken from it
		// without a release.
		rz2.follow(table(2, ZoneStatus.DOWN, Map.of(7, "rz2", 8, "rz2")));

		assertThat(rz1.leases.holds(Shard.of(8))).as("the zombie still believes it holds the shard").isTrue();
		assertThatThrownBy(() -> rz1.write(508)).isInstanceOf(SQLException.class)
			.hasMessageContaining("not leased to zone rz1");
		rz2.write(608);
	}

	@Test
	void takingALeaseWaitsForTheOldOwnersWriteInFlight() throws Exception {
		rz1.follow(table(1, ZoneStatus.UP, Map.of()));
		rz2.follow(table(1, ZoneStatus.UP, Map.of()));
		try (Connection inFlight = rz1.pool.getConnection()) {
			inFlight.setAutoCommit(false);
			insert(inFlight, 709);

			CompletableFuture<Void> takeOver = CompletableFuture
				.runAsync(() -> rz2.follow(table(2, ZoneStatus.DOWN, Map.of(9, "rz2"))));
			await().atMost(Duration.ofSeconds(5)).until(this::aLeaseTakerWaitsForALock);
			assertThat(takeOver).isNotDone();
			inFlight.commit();
			takeOver.join();
		}

		assertThat(rz2.leases.holds(Shard.of(9))).isTrue();
		assertThat(count(709)).as("the write that was in flight when the lease moved").isEqualTo(1);
		assertThatThrownBy(() -> rz1.write(809)).isInstanceOf(SQLException.class);
	}

	@Test
	void aLeaseASplitHoldsIsNotTakenUntilTheSplitReleasesIt() throws SQLException {
		splitHolds(7);
		RoutingTable first = table(1, ZoneStatus.UP, Map.of());
		rz1.follow(first);

		assertThat(rz1.leases.holds(Shard.of(8))).isTrue();
		assertThat(rz1.leases.holds(Shard.of(7))).as("taken while the split holds it").isFalse();
		assertThatThrownBy(() -> rz1.write(107)).isInstanceOf(SQLException.class)
			.hasMessageContaining("not leased to zone rz1");

		splitReleases(7);
		rz1.follow(first);
		assertThat(rz1.leases.holds(Shard.of(7))).isTrue();
		rz1.write(107);
	}

	@Test
	void aLeaseTheTableGivesIsAwaitedAndOneItGivesAnotherZoneIsNot() throws Exception {
		splitHolds(7);
		RoutingTable first = table(1, ZoneStatus.UP, Map.of());
		rz1.follow(first);
		ShardScopes scopes = new ShardScopes(ShardGroups.single(GROUP), rz1.leases, Duration.ofMinutes(10), false);
		ExecutorService waiter = Executors.newSingleThreadExecutor();
		try {
			assertThat(waiter.submit(() -> scopes.awaitGivenLease(Shard.of(60))).get(5, TimeUnit.SECONDS))
				.as("rz2's shard: no wait for a lease rz1 will never hold")
				.isFalse();
			Future<Boolean> given = waiter.submit(() -> scopes.awaitGivenLease(Shard.of(7)));

			splitReleases(7);
			rz1.follow(first);

			assertThat(given.get(5, TimeUnit.SECONDS)).as("rz1's shard, taken once the split released it").isTrue();
		}
		finally {
			waiter.shutdownNow();
		}
	}

	@Test
	void aCalleeReleasesALostShardOnItsCallersWordWithoutWaitingOutItsQuietBound() {
		List<ShardsReleased> told = new java.util.concurrent.CopyOnWriteArrayList<>();
		Member ledger = new Member("rz1", new ShardLeaseProperties(null, null, Duration.ofMinutes(1),
				Duration.ofMinutes(1), null, null, null, List.of("payment")), told::add);
		ledger.follow(table(1, ZoneStatus.UP, Map.of()));
		assertThat(ledger.leases.holds(Shard.of(7))).isTrue();
		// A posting for the shard just now: the quiet bound (a minute) runs from here.
		ledger.leases.entered(Shard.of(7));
		ledger.leases.left(Shard.of(7));
		ledger.tables.offer(table(2, ZoneStatus.UP, Map.of(7, "rz2")));
		CompletableFuture<Boolean> release = CompletableFuture.supplyAsync(ledger.leases::follow);

		assertThat(ledger.leases.releasedBy("order", List.of(Shard.of(7)), 2)).as("not a caller of this service")
			.isFalse();
		assertThat(ledger.leases.releasedBy("payment", List.of(Shard.of(7)), 1)).isTrue();
		await().during(Duration.ofMillis(300))
			.atMost(Duration.ofSeconds(2))
			.until(() -> !release.isDone() && ledger.leases.holds(Shard.of(7)));
		ledger.leases.releasedBy("payment", List.of(Shard.of(7)), 2);

		await().atMost(Duration.ofSeconds(5)).until(release::isDone);
		assertThat(ledger.leases.holds(Shard.of(7))).isFalse();
		assertThat(told).containsExactly(new ShardsReleased(GROUP, List.of(Shard.of(7)), 2));
		assertThatThrownBy(() -> ledger.write(107)).isInstanceOf(SQLException.class)
			.hasMessageContaining("not leased to zone rz1");
	}

	/** A live split holds the shard's lease, as it does while it copies the shard. */
	private void splitHolds(int shard) throws SQLException {
		try (Connection split = pool("split").getConnection()) {
			split.createStatement()
				.execute("insert into shard_leases (shard, owner_zone, epoch, released, updated_at)" + " values ("
						+ shard + ", 'split', 1, false, now())");
		}
	}

	/** The split lets the shard's lease go, for the zone the table gives it to. */
	private void splitReleases(int shard) throws SQLException {
		try (Connection split = pool("split").getConnection()) {
			split.createStatement().execute("update shard_leases set released = true where shard = " + shard);
		}
	}

	/** Shards 0-49 to rz1 and 50-99 to rz2, with some moved, and rz1 up or down. */
	private static RoutingTable table(long epoch, ZoneStatus rz1Status, Map<Integer, String> moved) {
		List<ZoneId> owners = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(ZoneId.of(moved.getOrDefault(shard, shard < 50 ? "rz1" : "rz2")));
		}
		return RoutingTable.of(epoch, owners, List.of(zone("rz1", rz1Status), zone("rz2", ZoneStatus.UP)));
	}

	private static Zone zone(String id, ZoneStatus status) {
		return new Zone(ZoneId.of(id), ZoneKind.RZONE, CityId.of("hz"), status,
				Map.of("account", URI.create("http://" + id + ".invalid")));
	}

	private HikariDataSource pool(String zone) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(SharedPostgres.user());
		config.setMaximumPoolSize(3);
		config.setPoolName("leases-" + zone);
		config.setConnectionInitSql("select set_config('zonepay.zone', '" + zone + "', false)");
		HikariDataSource pool = new HikariDataSource(config);
		pools.add(pool);
		return pool;
	}

	private void insert(Connection connection, long id) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("insert into orders (id) values (?)")) {
			insert.setLong(1, id);
			insert.executeUpdate();
		}
	}

	private boolean aLeaseTakerWaitsForALock() throws SQLException {
		try (Connection connection = rz1.pool.getConnection();
				PreparedStatement query = connection
					.prepareStatement("select count(*) from pg_stat_activity where datname = current_database() "
							+ "and wait_event_type = 'Lock' and query like '%shard_leases%'")) {
			var rows = query.executeQuery();
			rows.next();
			return rows.getInt(1) > 0;
		}
	}

	private int count(long id) throws SQLException {
		try (Connection connection = rz2.pool.getConnection();
				PreparedStatement query = connection.prepareStatement("select count(*) from orders where id = ?")) {
			query.setLong(1, id);
			var rows = query.executeQuery();
			rows.next();
			return rows.getInt(1);
		}
	}

	/**
	 * One zone's view of the shard group: its pool (which names the zone) and its leases.
	 */
	private final class Member {

		final HikariDataSource pool;

		final RoutingTables tables = new RoutingTables();

		final ShardLeases leases;

		Member(String zone) {
			this(zone, new ShardLeaseProperties(null, null, null, Duration.ZERO, null, null, null, null), released -> {
			});
		}

		Member(String zone, ShardLeaseProperties properties, Consumer<ShardsReleased> released) {
			this.pool = pool(zone);
			this.leases = new ShardLeases(
					ZoneId.of(zone), tables, ShardGroups.single(GROUP), new ShardGroupDataSource(pool,
							ShardGroups.single(GROUP), io.zonepay.service.shadow.ShadowProperties.defaults()),
					properties, database -> {
					}, released);
		}

		void follow(RoutingTable table) {
			tables.offer(table);
			leases.follow();
		}

		void write(long id) throws SQLException {
			try (Connection connection = pool.getConnection()) {
				insert(connection, id);
			}
		}

		void execute(String sql) throws SQLException {
			try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
				statement.executeUpdate(sql);
			}
		}

	}

}
