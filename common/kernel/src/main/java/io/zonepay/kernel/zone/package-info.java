/**
 * Shards, zones, cities, the topology they are declared in and the routing table that
 * maps one onto the other.
 */
@NullMarked
package io.zonepay.kernel.zone;

import org.jspecify.annotations.NullMarked;
