/**
 * payment-service's transactional outbox: events committed with the state they announce,
 * then published to Kafka in order.
 */
@NullMarked
package io.zonepay.service.outbox;

import org.jspecify.annotations.NullMarked;
