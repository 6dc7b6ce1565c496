package io.zonepay.platform;

import java.net.URI;

/**
 * A user the drill made: the RZone that served its shard when the drill began (its
 * "original zone", which the report groups by), and the gateway of that zone's city,
 * which it calls as a user of that city would.
 */
record DrillUser(String id, String zone, int shard, URI gateway, String token) {
}
