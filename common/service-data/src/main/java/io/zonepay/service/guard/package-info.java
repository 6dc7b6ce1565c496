/**
 * The zone guard: an RZone serves a shard only at the routing epoch that gives it the
 * shard and with its lease.
 */
@NullMarked
package io.zonepay.service.guard;

import org.jspecify.annotations.NullMarked;
