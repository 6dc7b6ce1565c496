package io.zonepay.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Logger;

import org.jspecify.annotations.Nullable;

/**
 * A JDBC driver in front of PostgreSQL's that writes down, per thread, every statement a
 * connection runs and every transaction it ends, as the database sees them: a statement
 * run in auto-commit is a transaction of its own, a commit or rollback with no statement
 * before it sends nothing. Name it as {@code spring.datasource.driver-class-name}.
 */
public final class StatementLog implements Driver {

	private static final Driver POSTGRES = new org.postgresql.Driver();

	private static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();

	private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
			"executeLargeUpdate", "executeBatch", "executeLargeBatch");

	/** Forgets everything written down so far. */
	public static void clear() {
		ENTRIES.clear();
	}

	/**
	 * What the threads whose names pass the filter ran since the last {@link #clear()}.
	 */
	public static Summary of(Predicate<String> threads) {
		return new Summary(ENTRIES.stream().filter(entry -> threads.test(entry.thread())).toList());
	}

	@Override
	public @Nullable Connection connect(String url, Properties info) throws SQLException {
		Connection connection = POSTGRES.connect(url, info);
		return connection == null ? null : (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new Tracked(connection));
	}

	@Override
	public boolean acceptsURL(String url) throws SQLException {
		return POSTGRES.acceptsURL(url);
	}

	@Override
	public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
		return POSTGRES.getPropertyInfo(url, info);
	}

	@Override
	public int getMajorVersion() {
		return POSTGRES.getMajorVersion();
	}

	@Override
	public int getMinorVersion() {
		return POSTGRES.getMinorVersion();
	}

	@Override
	public boolean jdbcCompliant() {
		return false;
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return POSTGRES.getParentLogger();
	}

	/** What one thread did: ran a statement, or ended a transaction. */
	public record Entry(String thread, Kind kind, String sql) {

		boolean writes() {
			String verb = sql.stripLeading().toLowerCase(Locale.ROOT);
			return verb.startsWith("insert") || verb.startsWith("update") || verb.startsWith("delete")
					|| verb.startsWith("with");
		}

	}

	public enum Kind {

		/** A statement inside a transaction. */
		STATEMENT,

		/** A statement in auto-commit: a transaction of its own. */
		AUTOCOMMITTED,

		COMMIT, ROLLBACK

	}

	/** The statements and transactions of a piece of work. */
	public record Summary(List<Entry> entries) {

		public long statements() {
			return entries.stream()
				.filter(entry -> entry.kind() == Kind.STATEMENT || entry.kind() == Kind.AUTOCOMMITTED)
				.count();
		}

		/**
		 * Transactions that committed: each a round trip and, if it wrote, a WAL flush.
		 */
		public long commits() {
			return entries.stream()
				.filter(entry -> entry.kind() == Kind.COMMIT || entry.kind() == Kind.AUTOCOMMITTED)
				.count();
		}

		/** Committed transactions with at least one write among their statements. */
		public long writingCommits() {
			long writing = 0;
			boolean wrote = false;
			for (Entry entry : entries) {
				switch (entry.kind()) {
					case STATEMENT -> wrote |= entry.writes();
					case AUTOCOMMITTED -> writing += entry.writes() ? 1 : 0;
					case COMMIT -> {
						writing += wrote ? 1 : 0;
						wrote = false;
					}
					case ROLLBACK -> wrote = false;
				}
			}
			return writing;
		}

		public long rollbacks() {
			return entries.stream().filter(entry -> entry.kind() == Kind.ROLLBACK).count();
		}

		/**
		 * Waits for the database: one per statement (the driver sends a transaction's
		 * {@code BEGIN} with its first statement) and one per commit or rollback of a
		 * transaction; a statement in auto-commit is the only one of its transaction.
		 */
		public long roundTrips() {
			return statements() + entries.stream()
				.filter(entry -> entry.kind() == Kind.COMMIT || entry.kind() == Kind.ROLLBACK)
				.count();
		}

		@Override
		public String toString() {
			StringBuilder text = new StringBuilder().append(statements())
				.append(" statements, ")
				.append(commits())
				.append(" commits (")
				.append(writingCommits())
				.append(" writing), ")
				.append(rollbacks())
				.append(" rollbacks, ")
				.append(roundTrips())
				.append(" round trips:");
			entries.forEach(entry -> text.append("\n  ")
				.append(entry.kind())
				.append(entry.sql().isEmpty() ? "" : " " + entry.sql().replaceAll("\\s+", " ")));
			return text.toString();
		}

	}

	/**
	 * A connection that writes down what it runs; its statements are wrapped in the same
	 * way.
	 */
	private static final class Tracked implements InvocationHandler {

		private final Connection connection;

		private boolean autoCommit = true;

		private int pending;

		Tracked(Connection connection) {
			this.connection = connection;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args) throws Throwable {
			switch (method.getName()) {
				case "commit" -> ended(Kind.COMMIT);
				case "rollback" -> {
					if (args == null || args.length == 0) {
						ended(Kind.ROLLBACK);
					}
				}
				case "setAutoCommit" -> {
					boolean next = (Boolean) args[0];
					if (next && !autoCommit) {
						// Switching auto-commit back on commits what is open.
						ended(Kind.COMMIT);
					}
					autoCommit = next;
				}
				case "unwrap", "isWrapperFor" -> {
					return call(connection, method, args);
				}
				default -> {
				}
			}
			Object result = call(connection, method, args);
			if (result instanceof Statement statement) {
				String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : "";
				Class<?> type = method.getName().equals("prepareCall") ? java.sql.CallableStatement.class
						: method.getName().equals("prepareStatement") ? java.sql.PreparedStatement.class
								: Statement.class;
				return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { type },
						(statementProxy, statementMethod, statementArgs) -> {
							if (EXECUTIONS.contains(statementMethod.getName())) {
								String run = statementArgs != null && statementArgs.length > 0
										&& statementArgs[0] instanceof String text ? text : sql;
								ran(run);
							}
							return call(statement, statementMethod, statementArgs);
						});
			}
			return result;
		}

		private void ran(String sql) {
			String thread = Thread.currentThread().getName();
			if (autoCommit) {
				ENTRIES.add(new Entry(thread, Kind.AUTOCOMMITTED, sql));
			}
			else {
				pending++;
				ENTRIES.add(new Entry(thread, Kind.STATEMENT, sql));
			}
		}

		private void ended(Kind kind) {
			if (!autoCommit && pending > 0) {
				ENTRIES.add(new Entry(Thread.currentThread().getName(), kind, ""));
			}
			pending = 0;
		}

		private static @Nullable Object call(Object target, Method method, Object @Nullable [] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
