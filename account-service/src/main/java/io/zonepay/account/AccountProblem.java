package io.zonepay.account;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.problem.ProblemCode;
import io.zonepay.kernel.problem.ProblemException;

/** The problems account-service answers with, besides the common ones. */
public final class AccountProblem {

	public static final ProblemCode USER_NOT_FOUND = ProblemCode.of("USER_NOT_FOUND", 404, "No such user");

	public static final ProblemCode INSUFFICIENT_FUNDS = ProblemCode.of("INSUFFICIENT_FUNDS", 422,
			"The account does not hold enough money");

	public static final ProblemCode POSTING_NOT_FOUND = ProblemCode.of("POSTING_NOT_FOUND", 404,
			"No posting has this reference");

	public static final ProblemCode POSTING_VOIDED = ProblemCode.of("POSTING_VOIDED", 409,
			"This reference was voided and can never be posted");

	public static final ProblemCode POSTING_MISMATCH = ProblemCode.of("POSTING_MISMATCH", 422,
			"This reference was posted with other amounts or accounts");

	public static final ProblemCode AMOUNT_OUT_OF_RANGE = ProblemCode.of("AMOUNT_OUT_OF_RANGE", 400,
			"The amount is outside what this operation allows");

	private AccountProblem() {
	}

	/**
	 * Also answers for other users' accounts, so that nobody learns which user ids exist.
	 */
	public static ProblemException userNotFound(UserId user) {
		return new ProblemException(USER_NOT_FOUND, "user " + user + " not found");
	}

}
