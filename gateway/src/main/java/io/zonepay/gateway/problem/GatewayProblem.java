package io.zonepay.gateway.problem;

import io.zonepay.kernel.problem.ProblemCode;

/** Problems only the gateway answers with. */
public final class GatewayProblem {

	public static final ProblemCode ZONE_TIMEOUT = ProblemCode.of("ZONE_TIMEOUT", 504,
			"The zone did not answer in time; the request may or may not have been processed");

	public static final ProblemCode ZONE_CONNECTION_LOST = ProblemCode.of("ZONE_CONNECTION_LOST", 502,
			"The zone dropped the connection before answering; the request may or may not have been processed");

	private GatewayProblem() {
	}

}
