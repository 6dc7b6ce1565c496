package io.zonepay.config.risk;

import java.time.Duration;

import io.zonepay.kernel.identity.CallerSigner;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The GZone's risk policy administration: the backtests' client. */
@Configuration(proxyBeanMethods = false)
@Profile("!czone")
class RiskPolicyConfiguration {

	/**
	 * A replay of the bounded number of decisions takes a zone well under a second; the
	 * bound is for a zone that hangs.
	 */
	static final Duration ZONE_TIMEOUT = Duration.ofSeconds(10);

	@Bean(destroyMethod = "close")
	RiskBacktests riskBacktests(CallerSigner signer, JsonMapper json) {
		return new RiskBacktests(ZONE_TIMEOUT, signer, json);
	}

}
