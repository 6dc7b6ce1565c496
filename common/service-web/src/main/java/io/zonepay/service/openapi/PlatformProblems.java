package io.zonepay.service.openapi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemCode;
import io.zonepay.service.openapi.ApiOperations.Described;

import org.jspecify.annotations.Nullable;

/**
 * The problems an operation can end in: those the platform answers for every call of its
 * kind, then its own.
 */
final class PlatformProblems {

	/**
	 * Any call may meet these on its way: the gateway's rate limit, a zone or database
	 * that cannot take it now.
	 */
	private static final List<ProblemCode> EVERY_CALL = List.of(CommonProblem.RATE_LIMITED,
			CommonProblem.ZONE_UNAVAILABLE, CommonProblem.SERVICE_BUSY, CommonProblem.DEADLINE_PASSED);

	/** The gateway's: no valid token, or one without the role the path needs. */
	private static final List<ProblemCode> WITH_TOKEN = List.of(CommonProblem.UNAUTHENTICATED, CommonProblem.FORBIDDEN);

	private static final List<ProblemCode> WITH_BODY = List.of(CommonProblem.MALFORMED_REQUEST,
			CommonProblem.VALIDATION_FAILED, CommonProblem.PAYLOAD_TOO_LARGE, CommonProblem.UNSUPPORTED_MEDIA_TYPE);

	/**
	 * IdempotentRequests': a key missing or not 1-255 printable characters, still
	 * running, or used for another body.
	 */
	private static final List<ProblemCode> IDEMPOTENT = List.of(CommonProblem.IDEMPOTENCY_KEY_MISSING,
			CommonProblem.VALIDATION_FAILED, CommonProblem.IDEMPOTENCY_KEY_IN_FLIGHT,
			CommonProblem.IDEMPOTENCY_KEY_REUSED);

	private PlatformProblems() {
	}

	static List<ProblemCode> of(boolean body, boolean parameters, boolean idempotent, @Nullable Described description) {
		Set<ProblemCode> problems = new LinkedHashSet<>();
		if (body) {
			problems.addAll(WITH_BODY);
		}
		else if (parameters) {
			problems.add(CommonProblem.VALIDATION_FAILED);
		}
		if (idempotent) {
			problems.addAll(IDEMPOTENT);
		}
		if (description == null || !description.withoutToken()) {
			problems.addAll(WITH_TOKEN);
		}
		if (description != null) {
			problems.addAll(description.problems());
		}
		problems.addAll(EVERY_CALL);
		return new ArrayList<>(problems);
	}

}
