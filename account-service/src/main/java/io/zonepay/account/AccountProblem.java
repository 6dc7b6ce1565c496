package io.zonepay.account;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.problem.ProblemCode;
import io.zonepay.kernel.problem.ProblemException;

/** The problems account-service answers with, besides the common ones. */
public enum AccountProblem implements ProblemCode {

	USER_NOT_FOUND(404, "No such user"),
	INSUFFICIENT_FUNDS(422, "The account does not hold enough money"),
	AMOUNT_OUT_OF_RANGE(400, "The amount is outside what this operation allows");

	private final int status;

	private final String title;

	AccountProblem(int status, String title) {
		this.status = status;
		this.title = title;
	}

	/** Also answers for other users' accounts, so that nobody learns which user ids exist. */
	public static ProblemException userNotFound(UserId user) {
		return new ProblemException(USER_NOT_FOUND, "user " + user + " not found");
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
