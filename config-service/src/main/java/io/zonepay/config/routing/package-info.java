/**
 * The routing table as GZone data: bootstrapped from the topology, stored with its epoch,
 * served to every reader.
 */
@NullMarked
package io.zonepay.config.routing;

import org.jspecify.annotations.NullMarked;
