/**
 * Global data as gateways and zone services read it: from their city's CZone, cached
 * in-process, refreshed by version.
 */
@NullMarked
package io.zonepay.runtime.global;

import org.jspecify.annotations.NullMarked;
