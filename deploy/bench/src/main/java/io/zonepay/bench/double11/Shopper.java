package io.zonepay.bench.double11;

import java.net.URI;

/**
 * A user of the load: its zone, its city's gateway, a token, and a second token that
 * marks its background reads as load-test traffic.
 */
record Shopper(long id, String zone, URI gateway, String token, String backgroundToken) {
}
