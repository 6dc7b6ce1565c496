package io.zonepay.gateway.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.zonepay.kernel.identity.DevelopmentKeys;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Verifies tokens with HS256 only, so {@code alg: none} and tokens signed with any other
 * algorithm or key fail.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	/**
	 * How long a verified token is taken on trust; a key rotation is honoured within it.
	 */
	private static final Duration REMEMBERED = Duration.ofMinutes(1);

	@Bean
	ReactiveJwtDecoder jwtDecoder(TokenProperties properties, Environment environment) {
		boolean production = Arrays.asList(environment.getActiveProfiles()).contains("prod");
		if (production && properties.devIssuer()) {
			throw new IllegalStateException(
					"zonepay.gateway.tokens.dev-issuer hands tokens to anyone; it cannot be on in the prod profile");
		}
		if (production && DevelopmentKeys.TOKEN_SIGNING_KEY.equals(properties.secret())) {
			throw new IllegalStateException(
					"zonepay.gateway.tokens.secret is the published development key; set a secret one for prod");
		}
		NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withSecretKey(key(properties))
			.macAlgorithm(MacAlgorithm.HS256)
			.build();
		// A token without an expiry would be valid forever.
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<Jwt>(JwtValidators.createDefault(),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull)));
		return new VerifiedTokens(decoder, properties.verifiedCacheSize(), REMEMBERED, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnBooleanProperty("zonepay.gateway.tokens.dev-issuer")
	DevTokens devTokens(TokenProperties properties) {
		return new DevTokens(NimbusJwtEncoder.withSecretKey(key(properties)).build(), properties.devTokenLifetime());
	}

	private static SecretKey key(TokenProperties properties) {
		return new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

}
