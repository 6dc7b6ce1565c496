package io.zonepay.payment.payment;

/**
 * Where a payment is: decided (SUCCEEDED, FAILED) or not yet (PENDING, which only a crash
 * or an outage leaves behind).
 */
public enum PaymentStatus {

	PENDING, SUCCEEDED, FAILED

}
