package io.zonepay.bench.double11;

import java.net.URI;

/**
 * A user of the load: its zone, its city's gateway, a token, and a second token that
 * marks its background reads as load-test traffic. A shadow shopper is a full-link load
 * test's: it exists only in the shadow schemas, its token has the loadtest role, and
 * every request it sends carries the shadow tag.
 */
record Shopper(long id, String zone, URI gateway, String token, String backgroundToken, boolean shadow) {
}
