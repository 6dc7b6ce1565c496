package io.zonepay.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests each gateway lets through, each as a rate per second with a burst on
 * top: per signed-in user; per client address for calls without a user (sign-up), higher,
 * since many clients may share one address behind a NAT; and per zone.
 *
 * @param trackedCallers the most callers whose buckets are remembered; the least recently
 * seen are forgotten first
 * @param idleAfter a caller's bucket is forgotten after this long without a request
 */
@ConfigurationProperties("zonepay.gateway.rate-limits")
record RateLimitProperties(@DefaultValue("50") long userPerSecond, @DefaultValue("100") long userBurst,
		@DefaultValue("200") long anonymousPerSecond, @DefaultValue("400") long anonymousBurst,
		@DefaultValue("2000") long zonePerSecond, @DefaultValue("4000") long zoneBurst,
		@DefaultValue("100000") long trackedCallers, @DefaultValue("10m") Duration idleAfter) {
}
