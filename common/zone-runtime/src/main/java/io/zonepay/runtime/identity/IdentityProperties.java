package io.zonepay.runtime.identity;

import java.time.Duration;

import io.zonepay.kernel.identity.DevelopmentKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How processes vouch for callers to each other.
 *
 * @param signingKey the HMAC key shared by gateways and services; the development key
 * unless configured
 * @param assertionLifetime how long a signed caller assertion holds; a gateway-to-zone
 * hop takes milliseconds
 * @param replayCapacity how many live assertions a service remembers to refuse replays;
 * bounds its memory
 */
@ConfigurationProperties("zonepay.identity")
public record IdentityProperties(@DefaultValue(DevelopmentKeys.CALLER_SIGNING_KEY) String signingKey,
		@DefaultValue("10s") Duration assertionLifetime, @DefaultValue("200000") int replayCapacity) {

	public boolean usesDevelopmentKey() {
		return DevelopmentKeys.CALLER_SIGNING_KEY.equals(signingKey);
	}
}
