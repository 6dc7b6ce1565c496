/**
 * Who this zone is, said on every response and log line, and the order of the zone's
 * servlet filters.
 */
@NullMarked
package io.zonepay.service.zone;

import org.jspecify.annotations.NullMarked;
