/**
 * How a request finds its shard, and how a zone decides whether that shard is its own.
 */
@NullMarked
package io.zonepay.kernel.routing;

import org.jspecify.annotations.NullMarked;
