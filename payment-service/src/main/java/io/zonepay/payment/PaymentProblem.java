package io.zonepay.payment;

import io.zonepay.kernel.problem.ProblemCode;

/** The problems payment-service answers with, besides the common ones. */
public final class PaymentProblem {

	public static final ProblemCode ORDER_NOT_FOUND = ProblemCode.of("ORDER_NOT_FOUND", 404, "No such order");

	public static final ProblemCode ORDER_ALREADY_PAID = ProblemCode.of("ORDER_ALREADY_PAID", 409, "The order is paid already");

	public static final ProblemCode ORDER_NOT_PAYABLE = ProblemCode.of("ORDER_NOT_PAYABLE", 409, "The order cannot be paid in its state");

	public static final ProblemCode PAYMENT_IN_PROGRESS = ProblemCode.of("PAYMENT_IN_PROGRESS", 409, "Another payment of this order is in progress");

	public static final ProblemCode PAYMENT_NOT_FOUND = ProblemCode.of("PAYMENT_NOT_FOUND", 404, "No such payment");

	public static final ProblemCode PAYMENT_NOT_REFUNDABLE = ProblemCode.of("PAYMENT_NOT_REFUNDABLE", 409, "Only a succeeded payment can be refunded");

	public static final ProblemCode REFUND_EXCEEDS_PAYMENT = ProblemCode.of("REFUND_EXCEEDS_PAYMENT", 422,
			"Refunds would exceed what was paid");

	public static final ProblemCode PAYMENTS_PAUSED = ProblemCode.of("PAYMENTS_PAUSED", 503, "This zone takes no new payments right now");

	private PaymentProblem() {
	}
}
