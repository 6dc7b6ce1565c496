/** The currencies ZonePay accepts. */
@NullMarked
package io.zonepay.config.currency;

import org.jspecify.annotations.NullMarked;
