/**
 * Global data as versioned entities: the change log every write goes through, and reads
 * served from either role.
 */
@NullMarked
package io.zonepay.config.global;

import org.jspecify.annotations.NullMarked;
