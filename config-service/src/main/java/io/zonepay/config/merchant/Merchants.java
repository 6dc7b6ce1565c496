package io.zonepay.config.merchant;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.currency.Currencies;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.TypedTable;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GZone's merchants: each write logged as a change and stored in the typed table in
 * one transaction.
 */
@Repository
class Merchants implements TypedTable {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	private final Currencies currencies;

	private final JsonMapper json;

	Merchants(JdbcClient jdbc, ChangeLog changes, Currencies currencies, JsonMapper json) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.currencies = currencies;
		this.json = json;
	}

	@Override
	public GlobalKind kind() {
		return GlobalKind.MERCHANT;
	}

	@Override
	public void project(Entity change) {
		Merchant merchant = json.treeToValue(change.document(), Merchant.class);
		jdbc.sql("""
				insert into merchants (id, name, currency, status, version) values (?, ?, ?, ?, ?)
				on conflict (id) do update set name = excluded.name, currency = excluded.currency,
				    status = excluded.status, version = excluded.version
				""")
			.params(Long.parseLong(merchant.merchantId()), merchant.name(), merchant.currency(), merchant.status(),
					change.version())
			.update();
	}

	@Transactional
	long create(Merchant merchant) {
		requireAcceptedCurrency(merchant);
		if (exists(merchant.merchantId())) {
			throw new ProblemException(ConfigProblem.MERCHANT_EXISTS,
					"merchant " + merchant.merchantId() + " exists already; PUT changes it");
		}
		long version = changes.record(GlobalKind.MERCHANT, merchant.merchantId(), merchant).version();
		jdbc.sql("insert into merchants (id, name, currency, status, version) values (?, ?, ?, ?, ?)")
			.params(Long.parseLong(merchant.merchantId()), merchant.name(), merchant.currency(), merchant.status(),
					version)
			.update();
		return version;
	}

	@Transactional
	long update(Merchant merchant) {
		requireAcceptedCurrency(merchant);
		if (!exists(merchant.merchantId())) {
			throw new ProblemException(ConfigProblem.MERCHANT_NOT_FOUND,
					"merchant " + merchant.merchantId() + " not found");
		}
		long version = changes.record(GlobalKind.MERCHANT, merchant.merchantId(), merchant).version();
		jdbc.sql("update merchants set name = ?, currency = ?, status = ?, version = ? where id = ?")
			.params(merchant.name(), merchant.currency(), merchant.status(), version,
					Long.parseLong(merchant.merchantId()))
			.update();
		return version;
	}

	private boolean exists(String merchantId) {
		return jdbc.sql("select count(*) from merchants where id = ?")
			.param(Long.parseLong(merchantId))
			.query(Integer.class)
			.single() > 0;
	}

	private void requireAcceptedCurrency(Merchant merchant) {
		if (!currencies.accepts(merchant.currency())) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED,
					"currency " + merchant.currency() + " is not one ZonePay accepts");
		}
	}

}
