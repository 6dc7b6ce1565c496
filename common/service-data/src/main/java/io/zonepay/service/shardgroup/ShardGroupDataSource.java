package io.zonepay.service.shardgroup;

import java.io.Closeable;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonepay.kernel.zone.ShardGroupId;
import org.slf4j.LoggerFactory;

/**
 * The service's data source: the connection of a unit of work comes from the database of
 * the shard group it is bound to ({@link ShardContext}), or from the home group's when it
 * is bound to none. The home pool is the one Spring Boot configured; the pool of an
 * adopted group is opened when the zone adopts it, with the home pool's settings, and
 * closed when the zone gives its last shard of that group away. Not Spring's
 * AbstractRoutingDataSource: its targets are fixed when it is initialised, while a zone
 * opens and closes pools as it adopts and gives away shard groups at run time.
 */
public final class ShardGroupDataSource implements DataSource, Closeable {

	private static final org.slf4j.Logger log = LoggerFactory.getLogger(ShardGroupDataSource.class);

	private final HikariDataSource home;

	private final ShardGroups groups;

	private final Map<ShardGroupId, HikariDataSource> adopted = new ConcurrentHashMap<>();

	ShardGroupDataSource(HikariDataSource home, ShardGroups groups) {
		this.home = home;
		this.groups = groups;
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

	private HikariDataSource open(ShardGroupId group) {
		String url = groups.url(group)
			.orElseThrow(() -> new IllegalStateException(
					"the shard group catalog names no database for " + group + " (zonepay.shard-groups.catalog)"));
		HikariConfig config = new HikariConfig();
		home.copyStateTo(config);
		config.setJdbcUrl(url);
		config.setPoolName(home.getPoolName() + "-" + group);
		// Opened on demand, possibly while the group's database is away: fail requests,
		// not the adoption.
		config.setInitializationFailTimeout(-1);
		log.info("Opening a pool on shard group {}", group);
		return new HikariDataSource(config);
	}

	/**
	 * Closes the pool of a group the zone no longer serves; its connections finish their
	 * work first.
	 */
	void close(ShardGroupId group) {
		HikariDataSource pool = adopted.remove(group);
		if (pool != null) {
			log.info("Closing the pool on shard group {}", group);
			pool.close();
		}
	}

	boolean isOpen(ShardGroupId group) {
		return group.equals(groups.home()) || adopted.containsKey(group);
	}

	private DataSource current() {
		ShardGroupId group = ShardContext.group();
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

	/** Closes the pools of every group the zone adopted, as the service stops. */
	void closeAdopted() {
		adopted.keySet().forEach(this::close);
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
