/**
 * The local platform: ZonePay's whole topology on one machine, on embedded PostgreSQL and
 * a Kafka process.
 */
@NullMarked
package io.zonepay.platform;

import org.jspecify.annotations.NullMarked;
