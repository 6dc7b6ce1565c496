package io.zonepay.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.zonepay.testkit.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/** Looks straight into each RZone's ledger database, for what no API shows: the books of the whole zone. */
final class ZoneLedgers {

	private final EndToEndTopology zonepay;

	ZoneLedgers(EndToEndTopology zonepay) {
		this.zonepay = zonepay;
	}

	/**
	 * Money is neither created nor destroyed in any zone: per currency, all accounts but the funding accounts hold
	 * exactly what the funding accounts gave out; every posting sums to zero; every balance is the sum of its entries.
	 */
	void assertMoneyIsConserved() {
		for (String zone : zonepay.rzones()) {
			assertThat(rows(zone, """
					select currency || ' funding ' || sum(balance) filter (where kind = 'FUNDING') || ' others ' || sum(balance) filter (where kind <> 'FUNDING')
					from accounts group by currency
					having coalesce(sum(balance) filter (where kind = 'FUNDING'), 0) <> -coalesce(sum(balance) filter (where kind <> 'FUNDING'), 0)
					""")).as("currencies whose money is not conserved in %s", zone).isEmpty();
			assertThat(rows(zone, """
					select posting_id || ' ' || currency || ' ' || sum(amount) from entries group by posting_id, currency having sum(amount) <> 0
					""")).as("postings that do not sum to zero in %s", zone).isEmpty();
			assertThat(rows(zone, """
					select a.id || ' balance ' || a.balance || ' entries ' || coalesce(sum(e.amount), 0)
					from accounts a left join entries e on e.account_id = a.id
					group by a.id, a.balance having a.balance <> coalesce(sum(e.amount), 0)
					""")).as("accounts whose balance is not the sum of their entries in %s", zone).isEmpty();
			assertThat(rows(zone, "select id || ' ' || kind || ' ' || balance from accounts where balance < 0 and kind <> 'FUNDING'"))
				.as("negative balances in %s", zone).isEmpty();
		}
	}

	/** A merchant's receivable in one zone and currency. */
	long merchantBalance(String zone, String merchantId, String currency) {
		List<String> balance = rows(zone, "select balance::text from accounts where kind = 'MERCHANT' and owner_id = " + Long.parseLong(merchantId)
				+ " and currency = '" + currency + "'");
		return balance.isEmpty() ? 0 : Long.parseLong(balance.getFirst());
	}

	private List<String> rows(String zone, String sql) {
		try (Connection connection = DriverManager.getConnection(zonepay.database(zone, "account"), SharedPostgres.user(), "");
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
