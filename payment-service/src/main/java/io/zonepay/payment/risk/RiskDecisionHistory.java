package io.zonepay.payment.risk;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.zonepay.kernel.risk.RiskPolicy;
import io.zonepay.kernel.zone.Shard;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The stored decisions of the bound shard group, newest first, for backtests. */
final class RiskDecisionHistory {

	private static final TypeReference<Map<String, Double>> FEATURES = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	RiskDecisionHistory(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * The newest decisions made with risk control on, of the given shards (all when none
	 * are given).
	 */
	List<RiskBacktest.StoredDecision> newest(int limit, @Nullable Collection<Shard> shards) {
		Integer[] held = shards == null ? IntStream.range(0, Shard.COUNT).boxed().toArray(Integer[]::new)
				: shards.stream().map(Shard::value).toArray(Integer[]::new);
		return jdbc.sql("""
				select subject_id, kind, outcome, score, features::text, decided_at from risk_decisions
				where mode <> 'OFF' and shard = any(cast(? as int[]))
				order by decided_at desc limit ?
				""")
			.params(held, limit)
			.query((row, number) -> new RiskBacktest.StoredDecision(row.getLong("subject_id"),
					RiskRequest.Kind.valueOf(row.getString("kind")),
					RiskPolicy.Outcome.valueOf(row.getString("outcome")), row.getObject("score") == null,
					json.readValue(row.getString(5), FEATURES), row.getTimestamp("decided_at").toInstant()))
			.list();
	}

}
