/**
 * Orders: created for an active merchant, paid once, refunded in part or in full, or
 * cancelled before payment.
 */
@NullMarked
package io.zonepay.order.order;

import org.jspecify.annotations.NullMarked;
