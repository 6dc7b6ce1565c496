package io.zonepay.payment.payment;

import io.zonepay.kernel.id.PaymentId;

/**
 * A payment's posting exists, and the payment is about to be marked SUCCEEDED. The moment
 * a crash is worst: the money moved and nothing here says so yet; the reconciler settles
 * such payments from the ledger.
 */
public record PaymentPosted(PaymentId paymentId) {
}
