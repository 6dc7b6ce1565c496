/**
 * Shard groups: which database holds each shard, pools opened on adoption, and the leases
 * that fence their writes.
 */
@NullMarked
package io.zonepay.service.shardgroup;

import org.jspecify.annotations.NullMarked;
