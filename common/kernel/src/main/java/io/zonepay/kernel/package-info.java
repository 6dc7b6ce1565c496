/**
 * The zone kernel: the model of shards, zones and routing that every ZonePay process
 * shares.
 */
@NullMarked
package io.zonepay.kernel;

import org.jspecify.annotations.NullMarked;
