package io.zonepay.service.idempotency;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code idempotency_keys} table of a shard group's database (migrations in
 * {@code db/zonepay-idempotency}).
 */
final class IdempotencyKeys {

	private final JdbcTemplate jdbc;

	IdempotencyKeys(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims a key for this request: inserts it, or takes over an abandoned claim (a
	 * crash left it in flight past its lease) for the same request. Answers whether the
	 * claim is ours now.
	 */
	boolean claim(String caller, String key, String fingerprint, UUID token, Duration lease) {
		List<UUID> claimed = jdbc.queryForList("""
				insert into idempotency_keys (caller, idempotency_key, fingerprint, state, claim_token,
				locked_until, created_at)
				values (?, ?, ?, 'IN_FLIGHT', ?, now() + ? * interval '1 millisecond', now())
				on conflict (caller, idempotency_key) do update
				    set claim_token = excluded.claim_token, locked_until = excluded.locked_until
				    where idempotency_keys.state = 'IN_FLIGHT' and idempotency_keys.locked_until < now()
				      and idempotency_keys.fingerprint = excluded.fingerprint
				returning claim_token
				""", UUID.class, caller, key, fingerprint, token, lease.toMillis());
		return claimed.contains(token);
	}

	Optional<Existing> find(String caller, String key) {
		return jdbc
			.query("""
					select fingerprint, state, response_status, response_type, response_body, response_location
					from idempotency_keys where caller = ? and idempotency_key = ?
					""",
					(rs, row) -> new Existing(rs.getString(1),
							rs.getString(2).equals("COMPLETED") ? new StoredResponse(rs.getInt(3), rs.getString(4),
									rs.getString(5), rs.getString(6)) : null),
					caller, key)
			.stream()
			.findFirst();
	}

	/**
	 * Locks our claim for the transaction that does the work; false when the claim is no
	 * longer ours.
	 */
	boolean lock(String caller, String key, UUID token) {
		return !jdbc.queryForList("""
				select 1 from idempotency_keys
				where caller = ? and idempotency_key = ? and claim_token = ? and state = 'IN_FLIGHT' for update
				""", Integer.class, caller, key, token).isEmpty();
	}

	void complete(String caller, String key, UUID token, StoredResponse response) {
		if (!completeIfClaimed(caller, key, token, response)) {
			throw new IllegalStateException("lost the claim on idempotency key " + key + " while completing it");
		}
	}

	/**
	 * Stores the response of our claim; false, changing nothing, when the claim is no
	 * longer ours. Never throws for that, so a transaction that also settles the work can
	 * still commit.
	 */
	boolean completeIfClaimed(String caller, String key, UUID token, StoredResponse response) {
		return jdbc.update("""
				update idempotency_keys
				set state = 'COMPLETED', response_status = ?, response_type = ?, response_body = ?,
				response_location = ?, completed_at = now()
				where caller = ? and idempotency_key = ? and claim_token = ? and state = 'IN_FLIGHT'
				""", response.status(), response.contentType(), response.body(), response.location(), caller, key,
				token) == 1;
	}

	/**
	 * Gives a key back after a failure that did nothing, so that a retry runs the request
	 * afresh.
	 */
	void release(String caller, String key, UUID token) {
		jdbc.update("delete from idempotency_keys where caller = ? and idempotency_key = ?"
				+ " and claim_token = ? and state = 'IN_FLIGHT'", caller, key, token);
	}

	int purgeCompletedBefore(Duration age, int batch) {
		return jdbc.update("""
				delete from idempotency_keys where ctid in (
				    select ctid from idempotency_keys where created_at < now() - ? * interval '1 millisecond' limit ?)
				""", age.toMillis(), batch);
	}

	/**
	 * A key someone already holds: its request's fingerprint, and its response once
	 * complete.
	 */
	record Existing(String fingerprint, @org.jspecify.annotations.Nullable StoredResponse response) {
	}

}
