package io.zonepay.gateway.identity;

import java.time.Duration;

import io.zonepay.kernel.identity.DevelopmentKeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway trusts bearer tokens.
 *
 * @param secret the HMAC-SHA256 key tokens are signed with; the development key unless
 * configured
 * @param devIssuer whether {@code POST /dev/token} issues tokens to anyone who asks: for
 * the local platform and tests only, refused under the {@code prod} profile
 * @param devTokenLifetime how long a development token lasts
 * @param verifiedCacheSize how many verified tokens the gateway remembers (about 2 KB
 * each) so as not to verify them again
 */
@ConfigurationProperties("zonepay.gateway.tokens")
public record TokenProperties(@DefaultValue(DevelopmentKeys.TOKEN_SIGNING_KEY) String secret,
		@DefaultValue("false") boolean devIssuer, @DefaultValue("1h") Duration devTokenLifetime,
		@DefaultValue("10000") int verifiedCacheSize) {
}
