package io.zonepay.payment.payment;

import java.time.Instant;

import io.zonepay.kernel.id.PaymentId;

import org.jspecify.annotations.Nullable;

/**
 * The two writes of a payment's way, each one statement: its record, and its decision.
 * Both let the database's unique indexes and the payment's status settle races, instead
 * of reading first.
 */
public interface PaymentWrites {

	/**
	 * Stores a new payment, unless one of its unique indexes already names another: a
	 * payment of the same request (its key), or a live payment of the same order. Answers
	 * whether it stored it.
	 */
	boolean insertIfAbsent(Payment payment);

	/**
	 * Decides a PENDING payment: SUCCEEDED without a failure, FAILED with one. Answers
	 * whether it was PENDING; a payment decided before is left as it is.
	 */
	boolean decide(PaymentId paymentId, @Nullable FailureCode failure, Instant now);

}
