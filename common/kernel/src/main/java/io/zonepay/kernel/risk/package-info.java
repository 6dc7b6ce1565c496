/**
 * Risk policies as data: ordered rules over named features, set at the GZone and read by
 * every zone.
 */
@NullMarked
package io.zonepay.kernel.risk;

import org.jspecify.annotations.NullMarked;
