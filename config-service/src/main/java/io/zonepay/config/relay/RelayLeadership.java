package io.zonepay.config.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Makes sure only one relay publishes, even with several GZone instances: the leader holds a PostgreSQL advisory lock
 * on a connection of its own, and loses it the moment that connection dies.
 */
class RelayLeadership {

	private static final Logger log = LoggerFactory.getLogger(RelayLeadership.class);

	/** An arbitrary, fixed key: "zonepay relay". */
	private static final long LOCK_KEY = 0x7a6f6e6570617931L;

	private final DataSource dataSource;

	private @Nullable Connection held;

	RelayLeadership(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/** Whether this instance leads; tries to become leader when it does not. */
	boolean lead() {
		try {
			if (held != null && held.isValid(1)) {
				return true;
			}
			release();
			Connection connection = dataSource.getConnection();
			try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				lock.setLong(1, LOCK_KEY);
				try (ResultSet result = lock.executeQuery()) {
					if (result.next() && result.getBoolean(1)) {
						held = connection;
						log.info("This GZone instance now relays the change log");
						return true;
					}
				}
			}
			connection.close();
			return false;
		}
		catch (SQLException ex) {
			release();
			return false;
		}
	}

	void release() {
		Connection connection = held;
		held = null;
		if (connection != null) {
			try {
				// Closing returns the connection to the pool; unlock first so the pool does not keep the lock alive.
				try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock_all()")) {
					unlock.execute();
				}
				connection.close();
			}
			catch (SQLException ex) {
				// The connection is gone, and the lock with it.
			}
		}
	}
}
