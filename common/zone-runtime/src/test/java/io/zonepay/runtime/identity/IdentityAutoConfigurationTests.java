package io.zonepay.runtime.identity;

import io.zonepay.kernel.identity.CallerSigner;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class IdentityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(IdentityAutoConfiguration.class));

	@Test
	void signsWithTheDevelopmentKeyOutsideProduction() {
		runner.run(context -> assertThat(context).hasSingleBean(CallerSigner.class));
	}

	@Test
	void refusesToRunProductionOnThePublishedDevelopmentKey() {
		runner.withPropertyValues("spring.profiles.active=prod")
			.run(context -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("published development key"));
	}

	@Test
	void runsProductionOnASecretKey() {
		runner
			.withPropertyValues("spring.profiles.active=prod",
					"zonepay.identity.signing-key=a-secret-key-from-the-vault-32-bytes-at-least")
			.run(context -> assertThat(context).hasSingleBean(CallerSigner.class));
	}

	@Test
	void refusesKeysTooShortToSignWith() {
		runner.withPropertyValues("zonepay.identity.signing-key=short")
			.run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("at least 32 bytes"));
	}

}
