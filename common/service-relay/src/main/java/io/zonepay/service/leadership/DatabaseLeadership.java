package io.zonepay.service.leadership;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Makes sure only one instance does a job on a database, such as publishing its outbox:
 * the leader holds a PostgreSQL advisory lock on a connection of its own, and loses it
 * the moment that connection dies. Used from one thread.
 */
public final class DatabaseLeadership {

	private static final Logger log = LoggerFactory.getLogger(DatabaseLeadership.class);

	private final DataSource dataSource;

	private final long lockKey;

	private final String job;

	private @Nullable Connection held;

	/**
	 * @param job names the job; its hash is the lock, so two jobs on one database never
	 * block each other
	 */
	public DatabaseLeadership(DataSource dataSource, String job) {
		this.dataSource = dataSource;
		this.job = job;
		this.lockKey = job.hashCode();
	}

	/** Whether this instance leads; tries to become leader when it does not. */
	public boolean lead() {
		try {
			if (held != null && held.isValid(1)) {
				return true;
			}
			release();
			Connection connection = dataSource.getConnection();
			try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
				lock.setLong(1, lockKey);
				try (ResultSet result = lock.executeQuery()) {
					if (result.next() && result.getBoolean(1)) {
						held = connection;
						log.info("This instance now runs {}", job);
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

	public void release() {
		Connection connection = held;
		held = null;
		if (connection != null) {
			try {
				// The connection goes back to the pool: unlock first so the pool does not
				// keep the lock alive.
				try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
					unlock.setLong(1, lockKey);
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
