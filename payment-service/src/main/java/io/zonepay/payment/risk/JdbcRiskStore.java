package io.zonepay.payment.risk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.risk.RiskPolicy;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link RiskStore} in SQL: a user's state is one JSON row ({@code risk_features}), a
 * decision one row ({@code risk_decisions}), both carrying the user's shard, fenced by
 * its lease like every sharded row.
 */
final class JdbcRiskStore implements RiskStore {

	private static final TypeReference<Map<String, Double>> FEATURES = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> RULES = new TypeReference<>() {
	};

	/**
	 * The advisory locks of users' risk features: the first key of the two-key form
	 * ("RISK"), the user's id hashed the second (a collision only makes two users wait
	 * for each other).
	 */
	private static final int LOCK_CLASS = 0x5249534B;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	/** A user never judged: the state a first request is counted from. */
	private final String empty;

	JdbcRiskStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.empty = json.writeValueAsString(RiskState.empty());
	}

	/**
	 * One statement per attempt, writing nothing: the user's advisory lock, tried without
	 * waiting, and when it is had the user's row, locked ({@code for update} reads the
	 * newest version even when the last holder committed after this statement began). A
	 * busy user answers no lock instead of a wait (a {@code lock_timeout} would abort the
	 * payment's transaction). Every writer of the row takes this lock first, so once it
	 * is held the row is free.
	 */
	@Override
	public Optional<RiskState> lock(UserId user, Duration bound) {
		long deadline = System.nanoTime() + bound.toNanos();
		long pauseMillis = 1;
		while (true) {
			Locked locked = jdbc.sql("""
					select l.held, f.state::text as state
					from (select pg_try_advisory_xact_lock(?, ?) as held) l
					left join lateral (
					    select state from risk_features where user_id = ? and l.held for update
					) f on true
					""")
				.params(LOCK_CLASS, Long.hashCode(user.value()), user.value())
				.query((row, number) -> new Locked(row.getBoolean("held"), row.getString("state")))
				.single();
			if (locked.held()) {
				return Optional
					.of(json.readValue(locked.state() == null ? firstOf(user) : locked.state(), RiskState.class));
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return Optional.empty();
			}
			try {
				Thread.sleep(Math.max(1, Math.min(pauseMillis, left / 1_000_000)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return Optional.empty();
			}
			pauseMillis = Math.min(pauseMillis * 2, 16);
		}
	}

	/**
	 * The row of a user the lock found none for, made: a first request, or one whose
	 * statement began before the user's first request committed its row (its snapshot
	 * cannot see it; the insert's conflict can, and answers the row as committed).
	 */
	private String firstOf(UserId user) {
		return jdbc.sql("""
				insert into risk_features (user_id, shard, state, updated_at) values (?, ?, ?::jsonb, now())
				on conflict (user_id) do update set state = risk_features.state
				returning state::text
				""").params(user.value(), user.shard().value(), empty).query(String.class).single();
	}

	private record Locked(boolean held, @Nullable String state) {
	}

	@Override
	public void save(UserId user, RiskState state) {
		jdbc.sql("update risk_features set state = ?::jsonb, updated_at = now() where user_id = ?")
			.params(json.writeValueAsString(state), user.value())
			.update();
	}

	@Override
	public void record(RiskDecision decision, @Nullable RiskState state) {
		RiskDecision.Shadow shadow = decision.shadow();
		// The decision and the user's state as it counted the request: one round trip.
		jdbc.sql("""
				with saved as (
				    update risk_features set state = ?::jsonb, updated_at = now()
				    where user_id = ? and ?::jsonb is not null
				)
				insert into risk_decisions (subject_id, kind, user_id, shard, outcome, score, rules, features,
				    policy_version, model_version, mode, fallback, latency_micros, decided_at,
				    shadow_policy_version, shadow_outcome, shadow_rules)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
				on conflict (subject_id) do nothing
				""")
			.params(text(state), decision.user().value(), text(state), decision.subject(), decision.kind().name(),
					decision.user().value(), decision.user().shard().value(), decision.outcome().name(),
					new SqlParameterValue(Types.DOUBLE, decision.score()), json.writeValueAsString(decision.rules()),
					json.writeValueAsString(decision.features()), decision.policyVersion(),
					new SqlParameterValue(Types.VARCHAR, decision.modelVersion()), decision.mode().name(),
					new SqlParameterValue(Types.VARCHAR, decision.fallback()), decision.latencyMicros(),
					Timestamp.from(decision.decidedAt()), varchar(shadow == null ? null : shadow.policyVersion()),
					varchar(shadow == null ? null : shadow.outcome().name()),
					varchar(shadow == null ? null : json.writeValueAsString(shadow.rules())))
			.update();
	}

	private static SqlParameterValue varchar(@Nullable String value) {
		return new SqlParameterValue(Types.VARCHAR, value);
	}

	private SqlParameterValue text(@Nullable RiskState state) {
		return new SqlParameterValue(Types.VARCHAR, state == null ? null : json.writeValueAsString(state));
	}

	private RiskDecision.@Nullable Shadow shadow(ResultSet row) throws SQLException {
		String version = row.getString("shadow_policy_version");
		return version == null ? null
				: new RiskDecision.Shadow(version, RiskPolicy.Outcome.valueOf(row.getString("shadow_outcome")),
						json.readValue(row.getString("shadow_rules"), RULES));
	}

	@Override
	public Optional<RiskDecision> decision(long subject) {
		return jdbc.sql("""
				select subject_id, kind, user_id, outcome, score, rules::text, features::text, policy_version,
				    model_version, mode, fallback, latency_micros, decided_at, shadow_policy_version, shadow_outcome,
				    shadow_rules::text
				from risk_decisions where subject_id = ?
				""").param(subject).query((row, number) -> {
			return new RiskDecision(row.getLong("subject_id"), RiskRequest.Kind.valueOf(row.getString("kind")),
					new UserId(row.getLong("user_id")), RiskPolicy.Outcome.valueOf(row.getString("outcome")),
					row.getObject("score", Double.class), json.readValue(row.getString("rules"), RULES),
					json.readValue(row.getString("features"), FEATURES), row.getString("policy_version"),
					row.getString("model_version"), RiskMode.valueOf(row.getString("mode")), row.getString("fallback"),
					row.getLong("latency_micros"), row.getTimestamp("decided_at").toInstant(), shadow(row));
		}).optional();
	}

}
