package io.zonepay.kernel.identity;

import java.time.Instant;
import java.util.Objects;

import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.zone.Shard;

import org.jspecify.annotations.Nullable;

/**
 * What the gateway vouches for about one request: who calls, which request it is for, the
 * shard it routed by, and until when the assertion holds.
 *
 * @param shard the shard the gateway routed by, when the path alone does not say (a new
 * user)
 * @param nonce unique per assertion, so that a captured header cannot be replayed
 * @param traffic real, or shadow (full-link load testing): signed with the rest, so only
 * the gateway (for a load-test credential) and the zone's own services can tag a request
 */
public record CallerAssertion(Caller caller, String method, String path, @Nullable Shard shard, Instant expiresAt,
		String nonce, Traffic traffic) {

	public CallerAssertion {
		Objects.requireNonNull(caller, "caller");
		Objects.requireNonNull(method, "method");
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(expiresAt, "expiresAt");
		Objects.requireNonNull(nonce, "nonce");
		Objects.requireNonNull(traffic, "traffic");
	}

	/** An assertion for real traffic. */
	public CallerAssertion(Caller caller, String method, String path, @Nullable Shard shard, Instant expiresAt,
			String nonce) {
		this(caller, method, path, shard, expiresAt, nonce, Traffic.REAL);
	}
}
