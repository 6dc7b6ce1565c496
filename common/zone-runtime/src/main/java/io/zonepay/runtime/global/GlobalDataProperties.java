package io.zonepay.runtime.global;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this process reads global data, and how hard it tries.
 *
 * @param sources base URLs to read from, in order: the city's CZones, then the other
 * cities', then the GZone; none for config-service itself and for tests that hand tables
 * in
 * @param refreshInterval pause between two reads: under a stream of changes a reader
 * takes at most one view per interval
 * @param longPoll how long the CZone may hold a read while nothing changes (it holds one
 * 2 s at most); a change is pushed at once, a copy gone stale lets its readers go, and an
 * idle reader asks every two seconds
 * @param retryBackoff pause before reading again after a failed read
 * @param connectTimeout bound on opening a connection to a source
 * @param requestTimeout bound on one read, beyond the long poll
 * @param preferAgainAfter how long reads stay away from the first source once it failed
 * @param merchantCacheSize the most merchants kept in memory
 * @param merchantTimeToLive how long a merchant read is kept; a merchant change reaches
 * this process within it
 */
@ConfigurationProperties("zonepay.global")
public record GlobalDataProperties(@DefaultValue List<URI> sources, @DefaultValue("100ms") Duration refreshInterval,
		@DefaultValue("2s") Duration longPoll, @DefaultValue("500ms") Duration retryBackoff,
		@DefaultValue("300ms") Duration connectTimeout, @DefaultValue("1s") Duration requestTimeout,
		@DefaultValue("5s") Duration preferAgainAfter, @DefaultValue("10000") int merchantCacheSize,
		@DefaultValue("1s") Duration merchantTimeToLive) {

	GlobalDataClient.Timeouts timeouts() {
		return new GlobalDataClient.Timeouts(connectTimeout, requestTimeout, longPoll, preferAgainAfter);
	}
}
