/**
 * The live split: moving shards' rows from a shard group's databases into a new group's,
 * copied and kept in step by PostgreSQL logical replication until the cut-over.
 */
@NullMarked
package io.zonepay.platform.split;

import org.jspecify.annotations.NullMarked;
