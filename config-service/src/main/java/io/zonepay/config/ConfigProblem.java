package io.zonepay.config;

import io.zonepay.kernel.problem.ProblemCode;

/** The problems config-service answers with, besides the common ones. */
public enum ConfigProblem implements ProblemCode {

	MERCHANT_NOT_FOUND(404, "No such merchant"),
	MERCHANT_EXISTS(409, "A merchant with this id exists already"),
	SWITCH_NOT_FOUND(404, "No such switch");

	private final int status;

	private final String title;

	ConfigProblem(int status, String title) {
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
