/**
 * Business ids that carry their owner's shard, generated without coordination, and the
 * typed ids that name them.
 */
@NullMarked
package io.zonepay.kernel.id;

import org.jspecify.annotations.NullMarked;
