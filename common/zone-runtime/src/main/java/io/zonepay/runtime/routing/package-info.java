/**
 * The routing table every process keeps in memory, refreshed from global data in the
 * background.
 */
@NullMarked
package io.zonepay.runtime.routing;

import org.jspecify.annotations.NullMarked;
