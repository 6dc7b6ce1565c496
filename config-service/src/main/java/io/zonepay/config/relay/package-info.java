/**
 * GZone: publishes the change log to Kafka in version order, with heartbeats that let
 * replicas measure staleness.
 */
@NullMarked
package io.zonepay.config.relay;

import org.jspecify.annotations.NullMarked;
