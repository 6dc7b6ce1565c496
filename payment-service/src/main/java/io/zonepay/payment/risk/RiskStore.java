package io.zonepay.payment.risk;

import java.util.Optional;

import io.zonepay.kernel.id.UserId;

/**
 * Where the zone keeps its users' risk state and its decisions: in the shard group's
 * payment database, beside the payments ({@link JdbcRiskStore}).
 */
interface RiskStore {

	/**
	 * The user's state, locked for the rest of the transaction (one user's requests are
	 * judged one at a time, so none is counted twice or missed); empty for a user never
	 * judged.
	 */
	RiskState lock(UserId user);

	void save(UserId user, RiskState state);

	void record(RiskDecision decision);

	Optional<RiskDecision> decision(long subject);

}
