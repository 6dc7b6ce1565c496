package io.zonepay.config.merchant;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.currency.Currencies;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The GZone's merchants: each write logged as a change and stored in the typed table in one transaction. */
@Repository
class Merchants {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	private final Currencies currencies;

	Merchants(JdbcClient jdbc, ChangeLog changes, Currencies currencies) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.currencies = currencies;
	}

	@Transactional
	long create(Merchant merchant) {
		requireAcceptedCurrency(merchant);
		if (exists(merchant.merchantId())) {
			throw new ProblemException(ConfigProblem.MERCHANT_EXISTS, "merchant " + merchant.merchantId() + " exists already; PUT changes it");
		}
		long version = changes.record(GlobalKind.MERCHANT, merchant.merchantId(), merchant).version();
		jdbc.sql("insert into merchants (id, name, currency, status, version) values (?, ?, ?, ?, ?)")
			.params(Long.parseLong(merchant.merchantId()), merchant.name(), merchant.currency(), merchant.status(), version)
			.update();
		return version;
	}

	@Transactional
	long update(Merchant merchant) {
		requireAcceptedCurrency(merchant);
		if (!exists(merchant.merchantId())) {
			throw new ProblemException(ConfigProblem.MERCHANT_NOT_FOUND, "merchant " + merchant.merchantId() + " not found");
		}
		long version = changes.record(GlobalKind.MERCHANT, merchant.merchantId(), merchant).version();
		jdbc.sql("update merchants set name = ?, currency = ?, status = ?, version = ? where id = ?")
			.params(merchant.name(), merchant.currency(), merchant.status(), version, Long.parseLong(merchant.merchantId()))
			.update();
		return version;
	}

	private boolean exists(String merchantId) {
		return jdbc.sql("select count(*) from merchants where id = ?").param(Long.parseLong(merchantId)).query(Integer.class).single() > 0;
	}

	private void requireAcceptedCurrency(Merchant merchant) {
		if (!currencies.accepts(merchant.currency())) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "currency " + merchant.currency() + " is not one ZonePay accepts");
		}
	}
}
