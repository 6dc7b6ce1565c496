package io.zonepay.gateway.identity;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

class TokenConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Tokens.class);

	@Test
	void theDevelopmentIssuerExistsOnlyWhenSwitchedOn() {
		runner.run(context -> assertThat(context).hasSingleBean(ReactiveJwtDecoder.class)
			.doesNotHaveBean(DevTokens.class));
		runner.withPropertyValues("zonepay.gateway.tokens.dev-issuer=true")
			.run(context -> assertThat(context).hasSingleBean(DevTokens.class));
	}

	@Test
	void productionRefusesTheDevelopmentIssuer() {
		runner
			.withPropertyValues("spring.profiles.active=prod",
					"zonepay.gateway.tokens.secret=a-secret-key-from-the-vault-32-bytes-at-least",
					"zonepay.gateway.tokens.dev-issuer=true")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("cannot be on in the prod profile"));
	}

	@Test
	void productionRefusesThePublishedTokenKey() {
		runner.withPropertyValues("spring.profiles.active=prod")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("published development key"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(TokenProperties.class)
	@Import(TokenConfiguration.class)
	static class Tokens {

	}

}
