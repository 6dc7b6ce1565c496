/**
 * Global data every zone reads: degrade switches and limits, with their names, types and
 * defaults.
 */
@NullMarked
package io.zonepay.kernel.global;

import org.jspecify.annotations.NullMarked;
