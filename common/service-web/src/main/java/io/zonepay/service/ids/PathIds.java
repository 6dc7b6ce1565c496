package io.zonepay.service.ids;

import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.id.TypedId;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;

/**
 * Reads ids from path segments, refusing what cannot be an id with a clear validation
 * problem.
 */
public final class PathIds {

	private PathIds() {
	}

	/** The id in a path segment: a positive 64-bit decimal number. */
	public static long parse(String segment, String what) {
		return BusinessId.parse(segment)
			.orElseThrow(() -> new ProblemException(CommonProblem.VALIDATION_FAILED,
					"'" + abbreviate(segment) + "' is not a " + what + " id"));
	}

	/**
	 * The typed id in a path segment; controllers get it bound by {@link TypedIdPaths}
	 * rather than call this.
	 */
	public static <T extends TypedId> T parse(String segment, Class<T> kind) {
		return TypedIds.of(kind, parse(segment, TypedIds.name(kind)));
	}

	private static String abbreviate(String segment) {
		return segment.length() <= 40 ? segment : segment.substring(0, 40) + "...";
	}

}
