package io.zonepay.runtime.global;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this process reads global data, and how hard it tries.
 * @param source base URL of the city's CZone; none for config-service itself and for tests that hand tables in
 * @param refreshInterval pause between two version checks; a change reaches this process within the CZone's
 * staleness bound plus this
 * @param connectTimeout bound on opening a connection to the CZone
 * @param requestTimeout bound on one read
 * @param merchantCacheSize the most merchants kept in memory; the cache empties whenever the global version moves
 */
@ConfigurationProperties("zonepay.global")
public record GlobalDataProperties(@Nullable URI source, @DefaultValue("100ms") Duration refreshInterval,
		@DefaultValue("300ms") Duration connectTimeout, @DefaultValue("1s") Duration requestTimeout,
		@DefaultValue("10000") int merchantCacheSize) {
}
