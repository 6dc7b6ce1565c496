package io.zonepay.config;

import io.zonepay.kernel.problem.ProblemCode;

/** The problems config-service answers with, besides the common ones. */
public final class ConfigProblem {

	public static final ProblemCode MERCHANT_NOT_FOUND = ProblemCode.of("MERCHANT_NOT_FOUND", 404, "No such merchant");

	public static final ProblemCode MERCHANT_EXISTS = ProblemCode.of("MERCHANT_EXISTS", 409, "A merchant with this id exists already");

	public static final ProblemCode SWITCH_NOT_FOUND = ProblemCode.of("SWITCH_NOT_FOUND", 404, "No such switch");

	private ConfigProblem() {
	}
}
