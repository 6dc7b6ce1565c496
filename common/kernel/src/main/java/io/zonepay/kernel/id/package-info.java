/** Business ids that carry their owner's shard, generated without coordination. */
@NullMarked
package io.zonepay.kernel.id;

import org.jspecify.annotations.NullMarked;
