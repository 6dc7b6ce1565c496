package io.zonepay.config.risk;

import java.util.Map;
import java.util.stream.Collectors;

import io.zonepay.config.ConfigProblem;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.Entity;
import io.zonepay.config.global.GlobalKind;
import io.zonepay.config.global.TypedTable;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.risk.RiskSignal;
import io.zonepay.kernel.risk.RiskSignals;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The GZone's risk signals: each change logged as global data and stored in the typed
 * table in one transaction, at most {@link RiskSignals#MAX} in force at once (every zone
 * holds them all).
 */
@Repository
class RiskSignalStore implements TypedTable {

	private final JdbcClient jdbc;

	private final ChangeLog changes;

	private final JsonMapper json;

	RiskSignalStore(JdbcClient jdbc, ChangeLog changes, JsonMapper json) {
		this.jdbc = jdbc;
		this.changes = changes;
		this.json = json;
	}

	/**
	 * Sets the signal about a subject (risk 0 and not blocked clears it); answers the
	 * version of the change.
	 * @throws ProblemException {@code 422 TOO_MANY_RISK_SIGNALS} past the bound
	 */
	@Transactional
	long set(String subject, RiskSignal signal) {
		long version = changes.record(GlobalKind.RISK_SIGNAL, subject, new SignalDocument(subject, signal)).version();
		// Counted after the change is recorded, under the lock on the global version it
		// holds to the commit: two signals set at once are counted one after the other,
		// and the one refused leaves nothing (its transaction, the change too, rolls
		// back).
		if (signal.present() && inForce() >= RiskSignals.MAX && !inForce(subject)) {
			throw new ProblemException(ConfigProblem.TOO_MANY_RISK_SIGNALS,
					RiskSignals.MAX + " signals are in force; clear some first");
		}
		store(subject, signal, version);
		return version;
	}

	/** The signals in force, as the GZone holds them now. */
	RiskSignals current() {
		return new RiskSignals(
				jdbc.sql("select subject, risk, blocked, reason from risk_signals where blocked or risk > 0")
					.query((rs, row) -> Map.entry(rs.getString("subject"),
							new RiskSignal(rs.getDouble("risk"), rs.getBoolean("blocked"), rs.getString("reason"))))
					.list()
					.stream()
					.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	@Override
	public GlobalKind kind() {
		return GlobalKind.RISK_SIGNAL;
	}

	@Override
	public void project(Entity change) {
		SignalDocument document = json.treeToValue(change.document(), SignalDocument.class);
		store(document.subject(), document.signal(), change.version());
	}

	private int inForce() {
		return jdbc.sql("select count(*) from risk_signals where blocked or risk > 0").query(Integer.class).single();
	}

	private boolean inForce(String subject) {
		return jdbc.sql("select count(*) from risk_signals where subject = ? and (blocked or risk > 0)")
			.param(subject)
			.query(Integer.class)
			.single() > 0;
	}

	private void store(String subject, RiskSignal signal, long version) {
		jdbc.sql("""
				insert into risk_signals (subject, risk, blocked, reason, version) values (?, ?, ?, ?, ?)
				on conflict (subject) do update set risk = excluded.risk, blocked = excluded.blocked,
				    reason = excluded.reason, version = excluded.version
				""").params(subject, signal.risk(), signal.blocked(), signal.reason(), version).update();
	}

	/** A signal as global data carries it. */
	record SignalDocument(String subject, RiskSignal signal) {
	}

}
