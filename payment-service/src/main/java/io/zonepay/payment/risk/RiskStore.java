package io.zonepay.payment.risk;

import java.time.Duration;
import java.util.Optional;

import io.zonepay.kernel.id.UserId;
import org.jspecify.annotations.Nullable;

/**
 * Where the zone keeps its users' risk state and its decisions: in the shard group's
 * payment database, beside the payments ({@link JdbcRiskStore}).
 */
interface RiskStore {

	/**
	 * The user's state, locked for the rest of the transaction (one user's requests are
	 * judged one at a time, so none is counted twice or missed), if the lock comes within
	 * the bound; empty when the user's other requests hold it that long. A user never
	 * judged has the empty state.
	 */
	Optional<RiskState> lock(UserId user, Duration bound);

	/** Writes the user's state (a failure counted after the decision). */
	void save(UserId user, RiskState state);

	/**
	 * Writes a decision, and the user's state as it counted the request when the state
	 * was read ({@code null}: it was not, and stays as it is).
	 */
	void record(RiskDecision decision, @Nullable RiskState state);

	Optional<RiskDecision> decision(long subject);

}
