package io.zonepay.service.ids;

import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;

/** Reads ids from path segments, refusing what cannot be an id with a clear validation problem. */
public final class PathIds {

	private PathIds() {
	}

	/** The id in a path segment: a positive 64-bit decimal number. */
	public static long parse(String segment, String what) {
		return BusinessId.parse(segment)
			.orElseThrow(() -> new ProblemException(CommonProblem.VALIDATION_FAILED, "'" + abbreviate(segment) + "' is not a " + what + " id"));
	}

	public static UserId user(String segment) {
		return new UserId(parse(segment, "user"));
	}

	private static String abbreviate(String segment) {
		return segment.length() <= 40 ? segment : segment.substring(0, 40) + "...";
	}
}
