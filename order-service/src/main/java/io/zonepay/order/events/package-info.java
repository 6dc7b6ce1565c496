/** Payment and refund events from payment-service, applied to orders exactly once. */
@NullMarked
package io.zonepay.order.events;

import org.jspecify.annotations.NullMarked;
