/**
 * The producer of relays, which publish a database's log to Kafka in order: the GZone's
 * change log, an outbox.
 */
@NullMarked
package io.zonepay.service.relay;

import org.jspecify.annotations.NullMarked;
