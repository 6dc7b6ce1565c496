package io.zonepay.config.currency;

import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.TypedTable;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.runtime.global.GlobalViewDocument.CurrencyDocument;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GZone's currencies: which ISO 4217 codes ZonePay takes, and with how many minor
 * digits.
 */
@Repository
public class Currencies implements TypedTable {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	private final JsonMapper json;

	Currencies(JdbcClient jdbc, ChangeLog changes, JsonMapper json) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.json = json;
	}

	/**
	 * Logs and stores a currency in one transaction; answers the version of the change.
	 */
	@Transactional
	public long put(CurrencyDocument currency) {
		long version = changes.record(GlobalKind.CURRENCY, currency.code(), currency).version();
		store(currency, version);
		return version;
	}

	@Override
	public GlobalKind kind() {
		return GlobalKind.CURRENCY;
	}

	@Override
	public void project(Entity change) {
		store(json.treeToValue(change.document(), CurrencyDocument.class), change.version());
	}

	private void store(CurrencyDocument currency, long version) {
		jdbc.sql("""
				insert into currencies (code, minor_digits, enabled, version) values (?, ?, ?, ?)
				on conflict (code) do update set minor_digits = excluded.minor_digits,
				    enabled = excluded.enabled, version = excluded.version
				""").params(currency.code(), currency.minorDigits(), currency.enabled(), version).update();
	}

	public boolean accepts(String code) {
		return jdbc.sql("select enabled from currencies where code = ?")
			.param(code)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
