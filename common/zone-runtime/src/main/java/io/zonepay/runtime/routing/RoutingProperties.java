package io.zonepay.runtime.routing;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this process reads the routing table from, and how hard it tries.
 * @param source base URL of the config-service that serves {@code /admin/routing}; none for a process that is given
 * its tables another way (the GZone itself, tests)
 * @param refreshInterval pause between two reads; a new epoch reaches this process within about this long
 * @param connectTimeout bound on opening a connection to the source
 * @param requestTimeout bound on one whole read
 */
@ConfigurationProperties("zonepay.routing")
public record RoutingProperties(@Nullable URI source, @DefaultValue("500ms") Duration refreshInterval,
		@DefaultValue("500ms") Duration connectTimeout, @DefaultValue("2s") Duration requestTimeout) {
}
