package io.zonepay.payment;

import io.zonepay.kernel.problem.ProblemCode;

/** The problems payment-service answers with, besides the common ones. */
public final class PaymentProblem {

	public static final ProblemCode ORDER_NOT_FOUND = ProblemCode.of("ORDER_NOT_FOUND", 404, "No such order");

	public static final ProblemCode ORDER_ALREADY_PAID = ProblemCode.of("ORDER_ALREADY_PAID", 409,
			"The order is paid already");

	public static final ProblemCode ORDER_NOT_PAYABLE = ProblemCode.of("ORDER_NOT_PAYABLE", 409,
			"The order cannot be paid in its state");

	public static final ProblemCode PAYMENT_IN_PROGRESS = ProblemCode.of("PAYMENT_IN_PROGRESS", 409,
			"Another payment of this order is in progress");

	public static final ProblemCode PAYMENT_NOT_FOUND = ProblemCode.of("PAYMENT_NOT_FOUND", 404, "No such payment");

	public static final ProblemCode RISK_DECISION_NOT_FOUND = ProblemCode.of("RISK_DECISION_NOT_FOUND", 404,
			"No risk decision about this payment or transfer");

	public static final ProblemCode REFUND_NOT_FOUND = ProblemCode.of("REFUND_NOT_FOUND", 404, "No such refund");

	public static final ProblemCode PAYMENT_NOT_REFUNDABLE = ProblemCode.of("PAYMENT_NOT_REFUNDABLE", 409,
			"Only a succeeded payment can be refunded");

	public static final ProblemCode REFUND_EXCEEDS_PAYMENT = ProblemCode.of("REFUND_EXCEEDS_PAYMENT", 422,
			"Refunds would exceed what was paid");

	public static final ProblemCode PAYMENTS_PAUSED = ProblemCode.of("PAYMENTS_PAUSED", 503,
			"This zone takes no new payments right now");

	public static final ProblemCode AMOUNT_OUT_OF_RANGE = ProblemCode.of("AMOUNT_OUT_OF_RANGE", 400,
			"The amount is above the payment limit");

	public static final ProblemCode TRANSFER_NOT_FOUND = ProblemCode.of("TRANSFER_NOT_FOUND", 404, "No such transfer");

	public static final ProblemCode TRANSFER_TO_SELF = ProblemCode.of("TRANSFER_TO_SELF", 422,
			"A transfer goes to another user");

	private PaymentProblem() {
	}

}
