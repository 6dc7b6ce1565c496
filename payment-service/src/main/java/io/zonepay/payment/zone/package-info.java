/**
 * Calls to the zone's other services (orders, the ledger, users) through typed clients
 * with timeouts, retries and breakers.
 */
@NullMarked
package io.zonepay.payment.zone;

import org.jspecify.annotations.NullMarked;
