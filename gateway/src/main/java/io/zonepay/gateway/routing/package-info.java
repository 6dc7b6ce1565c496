/**
 * Routing by shard: every request goes to the zone the routing table names for the shard
 * of its id or caller.
 */
@NullMarked
package io.zonepay.gateway.routing;

import org.jspecify.annotations.NullMarked;
