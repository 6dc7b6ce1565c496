package io.zonepay.platform.split;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Connections to a split's databases, opened before the cut-over and handed back on
 * close: each step of the pause would otherwise fork and authenticate a backend (30 of
 * them, 10-50 ms each on a busy host that every zone's database shares). Not a pool
 * library's: a CLI step wants no housekeeping threads, only a stock it fills once and
 * closes at the end.
 */
final class WarmConnections implements AutoCloseable {

	private final Properties credentials;

	private final Map<String, Deque<Connection>> idle = new ConcurrentHashMap<>();

	WarmConnections(Properties credentials) {
		this.credentials = credentials;
	}

	/** Opens connections to each database ahead of need. */
	void warm(Collection<String> databases, int each) throws SQLException {
		List<Connection> opened = new ArrayList<>();
		for (String database : databases) {
			for (int i = 0; i < each; i++) {
				opened.add(connect(database));
			}
		}
		for (Connection connection : opened) {
			connection.close();
		}
	}

	/**
	 * A connection to a database, in auto-commit: a warm one when there is one. Closing
	 * it hands it back (a transaction left open is rolled back first).
	 */
	Connection connect(String database) throws SQLException {
		Connection connection = idle.computeIfAbsent(database, ignored -> new ConcurrentLinkedDeque<>()).pollFirst();
		if (connection == null || connection.isClosed()) {
			connection = DriverManager.getConnection(database, credentials);
		}
		return handedBack(database, connection);
	}

	private Connection handedBack(String database, Connection connection) {
		boolean[] closed = new boolean[1];
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, arguments) -> {
					if (method.getName().equals("close") && method.getParameterCount() == 0) {
						if (!closed[0]) {
							closed[0] = true;
							giveBack(database, connection);
						}
						return null;
					}
					if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
						return closed[0] || connection.isClosed();
					}
					try {
						return method.invoke(connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private void giveBack(String database, Connection connection) throws SQLException {
		if (connection.isClosed()) {
			return;
		}
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		catch (SQLException ex) {
			connection.close();
			return;
		}
		idle.computeIfAbsent(database, ignored -> new ConcurrentLinkedDeque<>()).addFirst(connection);
	}

	@Override
	public void close() {
		idle.values().forEach(stock -> {
			for (Connection connection = stock.pollFirst(); connection != null; connection = stock.pollFirst()) {
				try {
					connection.close();
				}
				catch (SQLException ex) {
					// Going anyway: the database ends the backend when the socket goes.
				}
			}
		});
	}

}
