/**
 * Payments: one posting from the payer to the merchant's receivable, decided once and
 * never guessed.
 */
@NullMarked
package io.zonepay.payment.payment;

import org.jspecify.annotations.NullMarked;
