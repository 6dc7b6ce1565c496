package io.zonepay.service.shardgroup;

import java.io.Closeable;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.service.shadow.ShadowProperties;
import org.slf4j.LoggerFactory;

/**
 * The service's data source: the connection of a unit of work comes from the database of
 * the shard group it is bound to ({@link ShardContext}), or from the home group's when it
 * is bound to none. The home pool is the one Spring Boot configured; the pool of an
 * adopted group is opened when the zone adopts it, with the home pool's settings, and
 * closed when the zone gives its last shard of that group away. Shadow work
 * ({@link TrafficScope}) gets its connections from a shadow pool of the same group: the
 * same database, its shadow schema, at most a few connections; with shadow storage off it
 * gets none (fail closed). Not Spring's AbstractRoutingDataSource: its targets are fixed
 * when it is initialised, while a zone opens and closes pools as it adopts and gives away
 * shard groups at run time.
 */
public final class ShardGroupDataSource implements DataSource, Closeable {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(ShardGroupDataSource.class);

	private final HikariDataSource home;

	private final ShardGroups groups;

	private final Map<ShardGroupId, HikariDataSource> adopted = new ConcurrentHashMap<>();

	private final ShadowProperties shadow;

	private final Map<ShardGroupId, HikariDataSource> shadows = new ConcurrentHashMap<>();

	/**
	 * Groups whose pools {@link #close} closed: a pool opened on one again is a late one.
	 */
	private final Set<ShardGroupId> closed = ConcurrentHashMap.newKeySet();

	/**
	 * Groups whose pool was opened again after {@link #close}: by work that began before
	 * the zone gave the group away (a reconciler's round, a relay's), which nothing else
	 * would close.
	 */
	private final Set<ShardGroupId> reopened = ConcurrentHashMap.newKeySet();

	/**
	 * Hikari checks a connection idle longer than this (500 ms unless set) with a round
	 * trip before it lends it. Tomcat gives each request to its longest idle thread, and
	 * Hikari lends a thread the connection it used last, so at a few requests a second
	 * per service almost every transaction paid that check: 1.1 per payment at 50
	 * payments/s (docs/benchmarks.md, eighth session). A connection the database dropped
	 * fails its first statement instead, which answers 503 and is retried, as a busy one
	 * always did.
	 */
	private static final String CHECK_AFTER_IDLE = "com.zaxxer.hikari.aliveBypassWindowMs";

	private static final String CHECK_AFTER_IDLE_MILLIS = "5000";

	ShardGroupDataSource(HikariDataSource home, ShardGroups groups, ShadowProperties shadow) {
		// Read by each pool when it starts: the home pool starts at its first connection,
		// through this data source.
		if (System.getProperty(CHECK_AFTER_IDLE) == null) {
			System.setProperty(CHECK_AFTER_IDLE, CHECK_AFTER_IDLE_MILLIS);
		}
		this.home = home;
		this.groups = groups;
		this.shadow = shadow;
	}

	/**
	 * The data source of a group, opening its pool if the zone has not used that group
	 * yet.
	 */
	DataSource of(ShardGroupId group) {
		if (group.equals(groups.home())) {
			return home;
		}
		return adopted.computeIfAbsent(group, this::open);
	}

	/**
	 * The shadow data source of a group: its database's shadow schema, opening the pool
	 * on first use.
	 */
	DataSource shadowOf(ShardGroupId group) throws SQLException {
		if (!shadow.on()) {
			throw new SQLException("shadow storage is off here (zonepay.shadow.enabled): shadow work gets no"
					+ " connection, rather than one to real data");
		}
		return shadows.computeIfAbsent(group, this::openShadow);
	}

	private HikariDataSource open(ShardGroupId group) {
		noteIfReopened(group);
		HikariConfig config = configOf(group);
		config.setPoolName(home.getPoolName() + "-" + group);
		log.info("Opening a pool on shard group {}", group);
		return new HikariDataSource(config);
	}

	/**
	 * A small pool whose every connection has only the shadow schema on its search path:
	 * an unqualified table name can only mean a shadow table.
	 */
	private HikariDataSource openShadow(ShardGroupId group) {
		noteIfReopened(group);
		HikariConfig config = configOf(group);
		config.setPoolName(home.getPoolName() + "-" + group + "-shadow");
		config.setSchema(shadow.schema());
		config.setMaximumPoolSize(shadow.poolSize());
		config.setMinimumIdle(1);
		log.info("Opening the shadow pool on shard group {}", group);
		return new HikariDataSource(config);
	}

	private HikariConfig configOf(ShardGroupId group) {
		HikariConfig config = new HikariConfig();
		home.copyStateTo(config);
		if (!group.equals(groups.home())) {
			config.setJdbcUrl(groups.url(group)
				.orElseThrow(() -> new IllegalStateException(
						"the shard group catalog names no database for " + group + " (zonepay.shard-groups.catalog)")));
		}
		// Opened on demand, possibly while the group's database is away: fail requests,
		// not the adoption.
		config.setInitializationFailTimeout(-1);
		return config;
	}

	/**
	 * Closes the pool of a group the zone no longer serves; its connections finish their
	 * work first.
	 */
	void close(ShardGroupId group) {
		closed.add(group);
		reopened.remove(group);
		closeShadow(group);
		HikariDataSource pool = adopted.remove(group);
		if (pool != null) {
			log.info("Closing the pool on shard group {}", group);
			pool.close();
		}
	}

	private void noteIfReopened(ShardGroupId group) {
		if (closed.contains(group)) {
			reopened.add(group);
		}
	}

	/**
	 * The groups whose pools were opened again after they were closed: the zone closes
	 * them again once it finds it does not serve them.
	 */
	Set<ShardGroupId> reopened() {
		return Set.copyOf(reopened);
	}

	/**
	 * The zone serves a shard of the group again: its pools are the zone's, not late
	 * work's.
	 */
	void inUse(ShardGroupId group) {
		reopened.remove(group);
	}

	private void closeShadow(ShardGroupId group) {
		HikariDataSource pool = shadows.remove(group);
		if (pool != null) {
			log.info("Closing the shadow pool on shard group {}", group);
			pool.close();
		}
	}

	boolean isOpen(ShardGroupId group) {
		return group.equals(groups.home()) || adopted.containsKey(group);
	}

	private DataSource current() throws SQLException {
		ShardGroupId group = ShardContext.group();
		if (TrafficScope.isShadow()) {
			return shadowOf(group == null ? groups.home() : group);
		}
		return group == null ? home : of(group);
	}

	@Override
	public Connection getConnection() throws SQLException {
		return current().getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return current().getConnection(username, password);
	}

	/**
	 * Closes the pools of every group the zone adopted, and every shadow pool, as the
	 * service stops.
	 */
	void closeAdopted() {
		adopted.keySet().forEach(this::close);
		shadows.keySet().forEach(this::closeShadow);
	}

	@Override
	public void close() {
		closeAdopted();
		home.close();
	}

	// Pool metrics, health and JMX look for the Hikari pool behind a data source: they
	// find the home pool.
	@Override
	public <T> T unwrap(Class<T> type) throws SQLException {
		return type.isInstance(this) ? type.cast(this) : home.unwrap(type);
	}

	@Override
	public boolean isWrapperFor(Class<?> type) throws SQLException {
		return type.isInstance(this) || home.isWrapperFor(type);
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return home.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		home.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		home.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return home.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return home.getParentLogger();
	}

}
