package io.zonepay.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.zonepay.kernel.zone.Topology;

/**
 * The books of every shard group, read straight from its account and payment databases
 * ({@code sgN_account}, {@code sgN_payment}), for the audit: the real books, or a load
 * test's in the shadow schema of the same databases. Whichever zone serves a shard group,
 * its data stays in that group's databases, so reading all of them sees everything,
 * whatever moved where during the drill.
 */
final class ShardGroupBooks {

	/** The real books' schema. */
	static final String REAL = "public";

	/** The shadow books' schema (full-link load tests), in the same databases. */
	static final String SHADOW = "shadow";

	private final List<String> accountDatabases = new ArrayList<>();

	private final List<String> paymentDatabases = new ArrayList<>();

	private final Properties connection = new Properties();

	private final String schema;

	ShardGroupBooks(Topology topology, LocalInfrastructure infrastructure) {
		this(topology, infrastructure, REAL);
	}

	ShardGroupBooks(Topology topology, LocalInfrastructure infrastructure, String schema) {
		for (Topology.ZoneSpec rzone : topology.rzones()) {
			accountDatabases.add(infrastructure.jdbcUrl(ServiceArguments.database(rzone, "account")));
			paymentDatabases.add(infrastructure.jdbcUrl(ServiceArguments.database(rzone, "payment")));
		}
		this.schema = schema;
		connection.setProperty("user", infrastructure.postgresUser());
		connection.setProperty("password", "");
		connection.setProperty("connectTimeout", "5");
		connection.setProperty("socketTimeout", "60");
		connection.setProperty("ApplicationName", "zonepay-drill");
		connection.setProperty("currentSchema", schema);
	}

	String schema() {
		return schema;
	}

	int shardGroups() {
		return accountDatabases.size();
	}

	/** Each posting whose entries do not sum to zero in a currency. */
	List<String[]> postingsNotSummingToZero() {
		return rows(accountDatabases, "select posting_id || ' ' || currency || ' ' || sum(amount) from entries"
				+ " group by posting_id, currency having sum(amount) <> 0");
	}

	/** Each account whose balance is not the sum of its entries. */
	List<String[]> balancesNotTheirEntries() {
		return rows(accountDatabases,
				"select a.id || ' balance ' || a.balance || ' entries ' || coalesce(sum(e.amount), 0)"
						+ " from accounts a left join entries e on e.account_id = a.id"
						+ " group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)");
	}

	/** How many payments succeeded, and how many transfers there are by status. */
	Map<String, Long> counts() {
		Map<String, Long> counts = new TreeMap<>();
		rows(paymentDatabases, "select 'payments ' || status, count(*)::text from payments group by status")
			.forEach(row -> counts.merge(row[0], Long.parseLong(row[1]), Long::sum));
		rows(paymentDatabases, "select 'transfers ' || status, count(*)::text from transfers group by status")
			.forEach(row -> counts.merge(row[0], Long.parseLong(row[1]), Long::sum));
		rows(accountDatabases, "select 'users', count(*)::text from users")
			.forEach(row -> counts.merge(row[0], Long.parseLong(row[1]), Long::sum));
		return counts;
	}

	/** id and status of each of these payments, in whichever database holds it. */
	List<String[]> payments(Collection<String> ids) {
		return rows(paymentDatabases, "select id::text, status from payments where id = any(?)", ids);
	}

	/**
	 * order id of every SUCCEEDED payment of these orders: an order listed twice was paid
	 * twice.
	 */
	List<String[]> succeededPaymentsOf(Collection<String> orderIds) {
		return rows(paymentDatabases,
				"select order_id::text from payments where status = 'SUCCEEDED' and order_id = any(?)", orderIds);
	}

	/**
	 * Orders with more than one SUCCEEDED payment within one database, whoever made them.
	 */
	List<String[]> ordersPaidTwice() {
		return rows(paymentDatabases,
				"select order_id::text from payments where status = 'SUCCEEDED' group by order_id having count(*) > 1");
	}

	List<String[]> transfers(Collection<String> ids) {
		return rows(paymentDatabases, "select id::text, status from transfers where id = any(?)", ids);
	}

	/**
	 * The request key of every payment and transfer whose Idempotency-Key starts with the
	 * drill's prefix.
	 */
	List<String[]> requestKeys(String keyPrefix) {
		String like = "%:" + keyPrefix + "-%";
		List<String[]> keys = new ArrayList<>(
				rows(paymentDatabases, "select request_key from payments where request_key like ?", like));
		keys.addAll(rows(paymentDatabases, "select request_key from transfers where request_key like ?", like));
		return keys;
	}

	/**
	 * The reference of every posting that moved a transfer's money (not a voided
	 * reference), once per database that holds it.
	 */
	List<String[]> transferPostings() {
		return rows(accountDatabases,
				"select reference from postings where reference like 'transfer:%' and kind <> 'VOID'");
	}

	/** Owner and balance of these users' accounts in a currency, in every database. */
	List<String[]> userBalances(Collection<String> userIds, String currency) {
		return rows(accountDatabases,
				"select owner_id::text, balance::text from accounts where kind = 'USER' and currency = ?"
						+ " and owner_id = any(?)",
				currency, userIds);
	}

	long merchantBalance(String merchantId, String currency) {
		return rows(accountDatabases,
				"select balance::text from accounts where kind = 'MERCHANT' and currency = ? and owner_id = any(?)",
				currency, List.of(merchantId))
			.stream()
			.mapToLong(row -> Long.parseLong(row[0]))
			.sum();
	}

	/**
	 * Per currency, the sum of the balances of every account of every kind in every
	 * database.
	 */
	Map<String, Long> sumsByCurrency() {
		return sums(rows(accountDatabases, "select currency, sum(balance)::text from accounts group by currency"));
	}

	/**
	 * Per currency, what the transit accounts of every database hold together: money on
	 * its way between zones.
	 */
	Map<String, Long> transitByCurrency() {
		return sums(rows(accountDatabases,
				"select currency, sum(balance)::text from accounts where kind = 'TRANSIT' group by currency"));
	}

	/**
	 * Accounts below zero other than FUNDING, TRANSIT and CLEARING (a split's), which are
	 * positions towards the outside and other zones.
	 */
	List<String[]> negativeBalances() {
		return rows(accountDatabases,
				"select kind || ' ' || owner_id || ' ' || currency || ' ' || balance from accounts where balance < 0"
						+ " and kind not in ('FUNDING', 'TRANSIT', 'CLEARING')");
	}

	private static Map<String, Long> sums(List<String[]> rows) {
		Map<String, Long> sums = new TreeMap<>();
		rows.forEach(row -> sums.merge(row[0], Long.parseLong(row[1]), Long::sum));
		return sums;
	}

	/**
	 * Every row of a query in every one of the databases, as text. A collection parameter
	 * is a list of ids, for an {@code any(?)}; any other is text.
	 */
	private List<String[]> rows(List<String> databases, String sql, Object... parameters) {
		List<String[]> rows = new ArrayList<>();
		for (String database : databases) {
			try (Connection db = DriverManager.getConnection(database, connection);
					PreparedStatement query = db.prepareStatement(sql)) {
				query.setQueryTimeout(60);
				for (int i = 0; i < parameters.length; i++) {
					if (parameters[i] instanceof Collection<?> ids) {
						query.setArray(i + 1, db.createArrayOf("bigint",
								ids.stream().map(id -> Long.valueOf(id.toString())).toArray(Long[]::new)));
					}
					else {
						query.setString(i + 1, parameters[i].toString());
					}
				}
				try (ResultSet result = query.executeQuery()) {
					int columns = result.getMetaData().getColumnCount();
					while (result.next()) {
						String[] row = new String[columns];
						for (int column = 0; column < columns; column++) {
							row[column] = result.getString(column + 1);
						}
						rows.add(row);
					}
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("cannot read " + database + ": " + ex.getMessage(), ex);
			}
		}
		return rows;
	}

}
