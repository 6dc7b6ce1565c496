package io.zonepay.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import io.zonepay.testkit.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Looks straight into each RZone's ledger database, for what no API shows: the books of
 * the whole zone, real or (in the shadow schema) a load test's.
 */
final class ZoneLedgers {

	private final EndToEndTopology zonepay;

	private final String schema;

	ZoneLedgers(EndToEndTopology zonepay) {
		this(zonepay, "public");
	}

	ZoneLedgers(EndToEndTopology zonepay, String schema) {
		this.zonepay = zonepay;
		this.schema = schema;
	}

	/**
	 * Money is neither created nor destroyed in any zone: per currency, all accounts but
	 * the funding accounts hold exactly what the funding accounts gave out; every posting
	 * sums to zero; every balance is the sum of its entries.
	 */
	void assertMoneyIsConserved() {
		for (String zone : zonepay.rzones()) {
			assertThat(rows(zone, """
					select currency || ' funding ' || sum(balance) filter (where kind = 'FUNDING')
					|| ' others ' || sum(balance) filter (where kind <> 'FUNDING')
					from accounts group by currency
					having coalesce(sum(balance) filter (where kind = 'FUNDING'), 0)
					<> -coalesce(sum(balance) filter (where kind <> 'FUNDING'), 0)
					""")).as("currencies whose money is not conserved in %s", zone).isEmpty();
			assertThat(rows(zone, """
					select posting_id || ' ' || currency || ' ' || sum(amount)
					from entries group by posting_id, currency
					having sum(amount) <> 0
					""")).as("postings that do not sum to zero in %s", zone).isEmpty();
			assertThat(rows(zone, """
					select a.id || ' balance ' || a.balance || ' entries ' || coalesce(sum(e.amount), 0)
					from accounts a left join entries e on e.account_id = a.id
					group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)
					""")).as("accounts whose balance is not the sum of their entries in %s", zone).isEmpty();
			// Funding and transit accounts are positions: a zone that received transfers
			// owes the zones that sent them.
			assertThat(rows(zone,
					"select id || ' ' || kind || ' ' || balance from accounts"
							+ " where balance < 0 and kind not in ('FUNDING', 'TRANSIT', 'CLEARING')"))
				.as("negative balances in %s", zone)
				.isEmpty();
		}
	}

	/**
	 * Once every transfer is decided, per currency: all accounts of all zones sum to
	 * zero, and so do the transit accounts, what one zone sent in transit being what the
	 * others received from it.
	 */
	void assertGlobalBooksBalance() {
		Map<String, Long> everything = new TreeMap<>();
		Map<String, Long> inTransit = new TreeMap<>();
		for (String zone : zonepay.rzones()) {
			sums(zone, "").forEach((currency, sum) -> everything.merge(currency, sum, Long::sum));
			sums(zone, "where kind = 'TRANSIT'").forEach((currency, sum) -> inTransit.merge(currency, sum, Long::sum));
		}
		assertThat(everything).as("the sum of every account of every zone, per currency")
			.allSatisfy((currency, sum) -> assertThat(sum).isZero());
		assertThat(inTransit).as("money in transit between zones, per currency")
			.allSatisfy((currency, sum) -> assertThat(sum).isZero());
	}

	private Map<String, Long> sums(String zone, String where) {
		Map<String, Long> sums = new TreeMap<>();
		for (String row : rows(zone,
				"select currency || ' ' || sum(balance) from accounts " + where + " group by currency")) {
			String[] parts = row.split(" ");
			sums.put(parts[0], Long.parseLong(parts[1]));
		}
		return sums;
	}

	/** A merchant's receivable in one zone and currency. */
	long merchantBalance(String zone, String merchantId, String currency) {
		List<String> balance = rows(zone, "select balance::text from accounts where kind = 'MERCHANT' and owner_id = "
				+ Long.parseLong(merchantId) + " and currency = '" + currency + "'");
		return balance.isEmpty() ? 0 : Long.parseLong(balance.getFirst());
	}

	private List<String> rows(String zone, String sql) {
		Properties settings = new Properties();
		settings.setProperty("user", SharedPostgres.user());
		settings.setProperty("password", "");
		settings.setProperty("currentSchema", schema);
		try (Connection connection = DriverManager.getConnection(zonepay.database(zone, "account"), settings);
				PreparedStatement query = connection.prepareStatement(sql);
				ResultSet result = query.executeQuery()) {
			List<String> rows = new ArrayList<>();
			while (result.next()) {
				rows.add(result.getString(1));
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot read the ledger of " + zone, ex);
		}
	}

}
