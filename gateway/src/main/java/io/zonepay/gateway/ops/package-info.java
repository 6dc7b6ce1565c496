/**
 * The operations page: every zone's state, traffic and the cities' global-data staleness,
 * live, from the gateway.
 */
@NullMarked
package io.zonepay.gateway.ops;

import org.jspecify.annotations.NullMarked;
