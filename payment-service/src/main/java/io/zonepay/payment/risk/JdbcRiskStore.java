package io.zonepay.payment.risk;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.id.UserId;
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

	private final JdbcClient jdbc;

	private final JsonMapper json;

	JdbcRiskStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public RiskState lock(UserId user) {
		Optional<String> state = locked(user);
		if (state.isEmpty()) {
			// The first request of a user: a row to lock, so that two first requests wait
			// for each other rather than both counting from nothing.
			jdbc.sql("insert into risk_features (user_id, shard, state, updated_at) values (?, ?, ?::jsonb, now())"
					+ " on conflict (user_id) do nothing")
				.params(user.value(), user.shard().value(), json.writeValueAsString(RiskState.empty()))
				.update();
			state = locked(user);
		}
		return state.map(text -> json.readValue(text, RiskState.class)).orElseGet(RiskState::empty);
	}

	private Optional<String> locked(UserId user) {
		return jdbc.sql("select state::text from risk_features where user_id = ? for update")
			.param(user.value())
			.query(String.class)
			.optional();
	}

	@Override
	public void save(UserId user, RiskState state) {
		jdbc.sql("update risk_features set state = ?::jsonb, updated_at = now() where user_id = ?")
			.params(json.writeValueAsString(state), user.value())
			.update();
	}

	@Override
	public void record(RiskDecision decision) {
		jdbc.sql("""
				insert into risk_decisions (subject_id, kind, user_id, shard, outcome, score, rules, features,
				    policy_version, model_version, mode, fallback, latency_micros, decided_at)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?)
				on conflict (subject_id) do nothing
				""")
			.params(decision.subject(), decision.kind().name(), decision.user().value(),
					decision.user().shard().value(), decision.outcome().name(),
					new SqlParameterValue(Types.DOUBLE, decision.score()), json.writeValueAsString(decision.rules()),
					json.writeValueAsString(decision.features()), decision.policyVersion(),
					new SqlParameterValue(Types.VARCHAR, decision.modelVersion()), decision.mode().name(),
					new SqlParameterValue(Types.VARCHAR, decision.fallback()), decision.latencyMicros(),
					Timestamp.from(decision.decidedAt()))
			.update();
	}

	@Override
	public Optional<RiskDecision> decision(long subject) {
		return jdbc.sql("""
				select subject_id, kind, user_id, outcome, score, rules::text, features::text, policy_version,
				    model_version, mode, fallback, latency_micros, decided_at
				from risk_decisions where subject_id = ?
				""").param(subject).query((row, number) -> {
			return new RiskDecision(row.getLong("subject_id"), RiskRequest.Kind.valueOf(row.getString("kind")),
					new UserId(row.getLong("user_id")), RiskPolicy.Outcome.valueOf(row.getString("outcome")),
					row.getObject("score", Double.class), json.readValue(row.getString("rules"), RULES),
					json.readValue(row.getString("features"), FEATURES), row.getString("policy_version"),
					row.getString("model_version"), RiskMode.valueOf(row.getString("mode")), row.getString("fallback"),
					row.getLong("latency_micros"), row.getTimestamp("decided_at").toInstant());
		}).optional();
	}

}
