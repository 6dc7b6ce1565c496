package io.zonepay.config;

import io.zonepay.kernel.problem.ProblemCode;

/** The problems config-service answers with, besides the common ones. */
public final class ConfigProblem {

	public static final ProblemCode MERCHANT_NOT_FOUND = ProblemCode.of("MERCHANT_NOT_FOUND", 404, "No such merchant");

	public static final ProblemCode MERCHANT_EXISTS = ProblemCode.of("MERCHANT_EXISTS", 409,
			"A merchant with this id exists already");

	public static final ProblemCode SWITCH_NOT_FOUND = ProblemCode.of("SWITCH_NOT_FOUND", 404, "No such switch");

	public static final ProblemCode ZONE_NOT_FOUND = ProblemCode.of("ZONE_NOT_FOUND", 404, "No such zone");

	public static final ProblemCode NOT_AN_RZONE = ProblemCode.of("NOT_AN_RZONE", 422,
			"Only an RZone serves shards and can fail over");

	public static final ProblemCode INVALID_MOVE = ProblemCode.of("INVALID_MOVE", 422,
			"The shards cannot be moved there");

	public static final ProblemCode RISK_POLICY_VERSION_TAKEN = ProblemCode.of("RISK_POLICY_VERSION_TAKEN", 409,
			"The policy version names other rules already");

	public static final ProblemCode RISK_POLICY_SLOT_NOT_FOUND = ProblemCode.of("RISK_POLICY_SLOT_NOT_FOUND", 404,
			"A policy is enforced or runs in shadow");

	public static final ProblemCode TOO_MANY_RISK_SIGNALS = ProblemCode.of("TOO_MANY_RISK_SIGNALS", 422,
			"As many risk signals are in force as every zone may hold");

	public static final ProblemCode NO_SHADOW_POLICY = ProblemCode.of("NO_SHADOW_POLICY", 409,
			"No policy runs in shadow");

	private ConfigProblem() {
	}

}
