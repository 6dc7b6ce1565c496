package io.zonepay.runtime.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.zonepay.kernel.identity.CallerSigner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The caller signer every ZonePay process uses, and the refusal to run production on
 * development keys.
 */
@AutoConfiguration
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

	@Bean
	CallerSigner callerSigner(IdentityProperties properties, Environment environment) {
		if (properties.usesDevelopmentKey() && Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
			throw new IllegalStateException("zonepay.identity.signing-key is the published development key; "
					+ "set a secret key to run with the prod profile");
		}
		return new CallerSigner(properties.signingKey().getBytes(StandardCharsets.UTF_8),
				properties.assertionLifetime());
	}

}
