/**
 * Consuming topics keyed by shard: each zone reads exactly the partitions of the shards
 * it serves.
 */
@NullMarked
package io.zonepay.service.messaging;

import org.jspecify.annotations.NullMarked;
