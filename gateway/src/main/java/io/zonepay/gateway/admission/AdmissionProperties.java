package io.zonepay.gateway.admission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Each zone's concurrency limit at this gateway: how many requests it may have in flight
 * there, adapted once a window from the latency they see (additive increase while the
 * zone answers within the target and the limit is in use, multiplicative decrease when it
 * does not or sheds itself; a limit below the initial one comes back half the way to it
 * in each window answered in time, in use or not).
 *
 * @param enabled off: every routed request is sent, as before
 * @param initialLimit the limit a zone starts with, before any measurement, and comes
 * back to once it answers in time again
 * @param minLimit the limit never falls below this, so a zone is always probed
 * @param maxLimit nor rises above this
 * @param latencyTarget the latency (the window's 90th percentile) above which the zone is
 * taken to be queueing, and its limit backs off
 * @param backoff the factor the limit is multiplied by when it backs off
 * @param window how often the limit is adapted, at most (at least 100 ms)
 * @param retryAfter what a shed request is told to wait before it retries
 */
@ConfigurationProperties("zonepay.gateway.admission")
record AdmissionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20") int initialLimit,
		@DefaultValue("6") int minLimit, @DefaultValue("200") int maxLimit,
		@DefaultValue("150ms") Duration latencyTarget, @DefaultValue("0.8") double backoff,
		@DefaultValue("1s") Duration window, @DefaultValue("1s") Duration retryAfter) {
}
