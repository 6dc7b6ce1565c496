package io.zonepay.gateway.ops;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operations page.
 *
 * @param enabled off: no {@code /ops} routes (the traffic history and the water-level
 * gauges stay)
 * @param peers the base URLs of the other gateways (the other cities'), whose traffic the
 * page adds to this one's: each gateway sees only what it forwards
 * @param timeout how long the page's state waits for a peer's traffic or a CZone's
 * staleness; one that takes longer is named and left out
 */
@ConfigurationProperties("zonepay.gateway.ops")
record OpsProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<URI> peers,
		@DefaultValue("500ms") Duration timeout) {
}
