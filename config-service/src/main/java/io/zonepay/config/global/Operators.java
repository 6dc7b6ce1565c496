package io.zonepay.config.global;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;

/**
 * Who may change or dump global data: operators, and for some reads ZonePay's own
 * processes.
 */
public final class Operators {

	private Operators() {
	}

	public static void requireAdmin(Caller caller) {
		if (!caller.has(Role.ADMIN)) {
			throw new ProblemException(CommonProblem.FORBIDDEN, "changing global data needs the admin role");
		}
	}

	public static void requireAdminOrSystem(Caller caller) {
		if (!caller.has(Role.ADMIN) && !caller.has(Role.SYSTEM)) {
			throw new ProblemException(CommonProblem.FORBIDDEN,
					"this read is for operators and ZonePay's own processes");
		}
	}

}
