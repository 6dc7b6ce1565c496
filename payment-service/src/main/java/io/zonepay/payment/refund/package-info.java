/** Refunds: money back from the merchant's receivable, never more than was paid. */
@NullMarked
package io.zonepay.payment.refund;

import org.jspecify.annotations.NullMarked;
