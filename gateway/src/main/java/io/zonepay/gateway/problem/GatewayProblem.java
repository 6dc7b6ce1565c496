package io.zonepay.gateway.problem;

import io.zonepay.kernel.problem.ProblemCode;

/** Problems only the gateway answers with. */
public enum GatewayProblem implements ProblemCode {

	ZONE_TIMEOUT(504, "The zone did not answer in time; the request may or may not have been processed");

	private final int status;

	private final String title;

	GatewayProblem(int status, String title) {
		this.status = status;
		this.title = title;
	}

	@Override
	public String code() {
		return name();
	}

	@Override
	public int status() {
		return status;
	}

	@Override
	public String title() {
		return title;
	}
}
