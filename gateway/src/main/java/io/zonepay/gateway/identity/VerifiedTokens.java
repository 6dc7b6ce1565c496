package io.zonepay.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Remembers the tokens it has verified, so a client's every request does not pay again
 * for parsing its token and checking its signature (a tenth of the gateway's CPU per
 * request). Only verified tokens are remembered, each until it expires and for at most a
 * short while; a forged or expired token is checked, and refused, every time.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

	private final ReactiveJwtDecoder verifier;

	private final Cache<String, Jwt> verified;

	private final Clock clock;

	VerifiedTokens(ReactiveJwtDecoder verifier, int capacity, Duration remembered, Clock clock) {
		this.verifier = verifier;
		this.verified = Caffeine.newBuilder().maximumSize(capacity).expireAfterWrite(remembered).build();
		this.clock = clock;
	}

	@Override
	public Mono<Jwt> decode(String token) {
		Jwt known = verified.getIfPresent(token);
		if (known != null && unexpired(known)) {
			return Mono.just(known);
		}
		return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
	}

	private boolean unexpired(Jwt token) {
		Instant expiresAt = token.getExpiresAt();
		return expiresAt != null && clock.instant().isBefore(expiresAt);
	}

}
