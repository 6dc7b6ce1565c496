/**
 * The GZone's standby in another city: promoted by command or when the writer is gone,
 * fencing the old writer.
 */
@NullMarked
package io.zonepay.config.standby;

import org.jspecify.annotations.NullMarked;
