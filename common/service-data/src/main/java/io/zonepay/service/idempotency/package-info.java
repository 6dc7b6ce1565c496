/**
 * The Idempotency-Key contract: replay, mismatch and in-flight detection, stored in the
 * shard group's database.
 */
@NullMarked
package io.zonepay.service.idempotency;

import org.jspecify.annotations.NullMarked;
