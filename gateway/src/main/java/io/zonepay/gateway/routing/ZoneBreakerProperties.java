package io.zonepay.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the gateway stops sending a zone requests: after {@code failureRateThreshold}
 * percent of the last {@code slidingWindow} requests (at least {@code minimumCalls} of
 * them) found no zone to answer them, it refuses that zone's requests for
 * {@code openFor}, then lets {@code probeCalls} through to test it.
 */
@ConfigurationProperties("zonepay.gateway.zone-breaker")
record ZoneBreakerProperties(@DefaultValue("50") float failureRateThreshold, @DefaultValue("20") int slidingWindow,
		@DefaultValue("5") int minimumCalls, @DefaultValue("5s") Duration openFor, @DefaultValue("3") int probeCalls) {
}
