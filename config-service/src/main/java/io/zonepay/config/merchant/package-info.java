/** Merchants: written at the GZone by operators, read in every city. */
@NullMarked
package io.zonepay.config.merchant;

import org.jspecify.annotations.NullMarked;
