package io.zonepay.kernel.problem;

import java.net.URI;
import java.util.Locale;

/**
 * A kind of failure with a stable, machine-readable code. Clients branch on
 * {@link #code()}; it never changes once published. The platform's common codes are
 * {@link CommonProblem}; a service declares its own with {@link #of}.
 */
public interface ProblemCode {

	/**
	 * Where problem types are documented; each code's type is this plus the code in kebab
	 * case.
	 */
	String TYPE_BASE = "https://zonepay.io/problems/";

	/** The stable code, such as {@code INSUFFICIENT_FUNDS}. */
	String code();

	/** The HTTP status a client gets. */
	int status();

	/**
	 * A short, human-readable summary that does not change from occurrence to occurrence.
	 */
	String title();

	/**
	 * A code of a service's own, declared as a constant next to the service's other
	 * codes.
	 */
	static ProblemCode of(String code, int status, String title) {
		return new Problem(code, status, title);
	}

	default URI type() {
		return URI.create(TYPE_BASE + code().toLowerCase(Locale.ROOT).replace('_', '-'));
	}

}
