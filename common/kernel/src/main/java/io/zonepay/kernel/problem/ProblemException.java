package io.zonepay.kernel.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure to report to the client as a problem with a stable code. Domain code throws
 * it (or a subclass); the web layer turns it into {@code application/problem+json}.
 */
public class ProblemException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient ProblemCode problem;

	private final transient Map<String, Object> properties;

	public ProblemException(ProblemCode problem, String detail) {
		this(problem, detail, Map.of());
	}

	/**
	 * @param properties extra members of the problem document, such as the zone that does
	 * serve a shard
	 */
	public ProblemException(ProblemCode problem, String detail, Map<String, Object> properties) {
		super(detail, null, false, false);
		this.problem = problem;
		this.properties = new LinkedHashMap<>(properties);
	}

	public ProblemCode problem() {
		return problem;
	}

	public String detail() {
		return getMessage();
	}

	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}

}
