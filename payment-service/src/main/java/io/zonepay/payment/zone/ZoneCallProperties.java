package io.zonepay.payment.zone;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on calls to the zone's other services.
 *
 * @param connectTimeout bound on opening a connection
 * @param readTimeout bound on waiting for an answer
 * @param maxAttempts tries of an idempotent call, the first included
 * @param backoff pause before the second try; doubled for each further one, with up to
 * half of it added or taken at random so that retries of many callers do not fall in step
 * @param failureRateThreshold percent of failed calls, over the last
 * {@code slidingWindow}, that opens the breaker
 * @param slidingWindow calls the breaker judges over
 * @param openFor how long an open breaker refuses calls before it lets a few through to
 * test the service
 * @param retryRatio retries a service's calls may make per call, over time: under a wide
 * failure at most this many retries per call are sent, instead of {@code maxAttempts - 1}
 * @param retryBurst retries saved up for a burst of failures, and the most that can be
 */
@ConfigurationProperties("zonepay.zone-calls")
public record ZoneCallProperties(@DefaultValue("500ms") Duration connectTimeout,
		@DefaultValue("2s") Duration readTimeout, @DefaultValue("3") int maxAttempts,
		@DefaultValue("100ms") Duration backoff, @DefaultValue("50") float failureRateThreshold,
		@DefaultValue("20") int slidingWindow, @DefaultValue("5s") Duration openFor,
		@DefaultValue("0.2") double retryRatio, @DefaultValue("10") int retryBurst) {
}
