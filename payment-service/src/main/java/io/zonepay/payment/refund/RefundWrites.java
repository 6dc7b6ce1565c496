package io.zonepay.payment.refund;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A refund's decision in one statement, as {@code PaymentWrites} decides a payment. */
interface RefundWrites {

	/**
	 * Decides a PENDING refund: SUCCEEDED without a failure, FAILED with one. Answers
	 * whether it was PENDING; a refund decided before is left as it is.
	 */
	boolean decide(RefundId refundId, @Nullable String failure, Instant now);

}
