/**
 * Degrade switches and limits: flipped at the GZone, read by every service through its
 * city's CZone.
 */
@NullMarked
package io.zonepay.config.switches;

import org.jspecify.annotations.NullMarked;
