package io.zonepay.order;

import io.zonepay.kernel.problem.ProblemCode;

/** The problems order-service answers with, besides the common ones. */
public final class OrderProblem {

	public static final ProblemCode ORDER_NOT_FOUND = ProblemCode.of("ORDER_NOT_FOUND", 404, "No such order");

	public static final ProblemCode ORDER_NOT_CANCELLABLE = ProblemCode.of("ORDER_NOT_CANCELLABLE", 409,
			"Only an order not yet paid can be cancelled");

	public static final ProblemCode MERCHANT_NOT_FOUND = ProblemCode.of("MERCHANT_NOT_FOUND", 422, "No such merchant");

	public static final ProblemCode MERCHANT_INACTIVE = ProblemCode.of("MERCHANT_INACTIVE", 422,
			"The merchant does not take orders");

	public static final ProblemCode CURRENCY_MISMATCH = ProblemCode.of("CURRENCY_MISMATCH", 422,
			"The merchant is paid in another currency");

	public static final ProblemCode AMOUNT_OUT_OF_RANGE = ProblemCode.of("AMOUNT_OUT_OF_RANGE", 400,
			"The amount is above the payment limit");

	private OrderProblem() {
	}

}
