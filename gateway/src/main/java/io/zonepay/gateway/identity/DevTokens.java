package io.zonepay.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** The development token issuer: signs whatever subject and roles it is asked for. */
final class DevTokens {

	private static final Set<String> GRANTABLE_ROLES = Set.of("user", "admin", "loadtest");

	private final JwtEncoder encoder;

	private final Duration lifetime;

	DevTokens(JwtEncoder encoder, Duration lifetime) {
		this.encoder = encoder;
		this.lifetime = lifetime;
	}

	String issue(@Nullable String subject, @Nullable List<String> roles) {
		if (subject == null || BusinessId.parse(subject).isEmpty()) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "sub must be a user id: a string of digits");
		}
		List<String> granted = roles == null || roles.isEmpty() ? List.of("user") : roles;
		if (!GRANTABLE_ROLES.containsAll(granted)) {
			throw new ProblemException(CommonProblem.VALIDATION_FAILED, "roles are some of " + GRANTABLE_ROLES);
		}
		Instant now = Instant.now();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer("zonepay-dev")
			.subject(subject)
			.issuedAt(now)
			.expiresAt(now.plus(lifetime))
			.claims(map -> map.putAll(Map.of("roles", granted)))
			.build();
		return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

}
