/** config-service: global data, written once by the GZone and read in every city. */
@NullMarked
package io.zonepay.config;

import org.jspecify.annotations.NullMarked;
