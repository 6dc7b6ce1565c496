package io.zonepay.kernel.problem;

import java.util.regex.Pattern;

/**
 * A problem code a service declares for itself:
 * {@code Problem.of("INSUFFICIENT_FUNDS", 422, "...")}.
 */
record Problem(String code, int status, String title) implements ProblemCode {

	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");

	Problem {
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("problem codes are UPPER_SNAKE_CASE, not " + code);
		}
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("a problem is a 4xx or 5xx status, not " + status);
		}
	}
}
