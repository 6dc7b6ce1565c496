package io.zonepay.gateway.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class VerifiedTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

	private final AtomicInteger verifications = new AtomicInteger();

	@Test
	void aTokenVerifiedOnceIsNotVerifiedAgainWhileItHolds() {
		VerifiedTokens tokens = new VerifiedTokens(verifierExpiringAt(NOW.plusSeconds(600)), 100, Duration.ofMinutes(1),
				clockAt(NOW));

		Jwt first = tokens.decode("good").block();
		Jwt second = tokens.decode("good").block();

		assertThat(second).isSameAs(first);
		assertThat(verifications).hasValue(1);
	}

	@Test
	void aTokenThatFailedIsCheckedAndRefusedEveryTime() {
		ReactiveJwtDecoder refusing = token -> {
			verifications.incrementAndGet();
			return Mono.error(new BadJwtException("signature does not match"));
		};
		VerifiedTokens tokens = new VerifiedTokens(refusing, 100, Duration.ofMinutes(1), clockAt(NOW));

		for (int i = 0; i < 2; i++) {
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> tokens.decode("forged").block());
		}
		assertThat(verifications).hasValue(2);
	}

	@Test
	void aRememberedTokenThatHasExpiredGoesBackToTheVerifier() {
		AtomicReference<Instant> now = new AtomicReference<>(NOW);
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}
		};
		VerifiedTokens tokens = new VerifiedTokens(verifierExpiringAt(NOW.plusSeconds(10)), 100, Duration.ofMinutes(1),
				clock);
		tokens.decode("short-lived").block();

		now.set(NOW.plusSeconds(10));
		tokens.decode("short-lived").block();

		assertThat(verifications).hasValue(2);
	}

	private ReactiveJwtDecoder verifierExpiringAt(Instant expiry) {
		return token -> {
			verifications.incrementAndGet();
			return Mono.just(Jwt.withTokenValue(token)
				.header("alg", "HS256")
				.subject("1207")
				.issuedAt(NOW.minusSeconds(1))
				.expiresAt(expiry)
				.build());
		};
	}

	private static Clock clockAt(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

}
