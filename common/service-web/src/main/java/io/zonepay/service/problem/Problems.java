package io.zonepay.service.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zonepay.kernel.problem.ProblemCode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem documents from ZonePay problem codes. */
public final class Problems {

	/** The member every ZonePay problem carries, for clients to branch on. */
	public static final String CODE = "code";

	private Problems() {
	}

	public static ProblemDetail of(ProblemCode problem, String detail, Map<String, Object> properties) {
		ProblemDetail document = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(problem.status()), detail);
		document.setType(problem.type());
		document.setTitle(problem.title());
		document.setProperty(CODE, problem.code());
		properties.forEach(document::setProperty);
		return document;
	}

	/**
	 * The problem as the members of its JSON document, in RFC 9457 order. Used where a
	 * problem is written or stored outside Spring MVC's message conversion, so its shape
	 * never depends on how a JSON mapper was configured.
	 */
	public static Map<String, Object> toDocument(ProblemDetail problem) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", problem.getType().toString());
		document.put("title", problem.getTitle());
		document.put("status", problem.getStatus());
		document.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			document.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			document.putAll(problem.getProperties());
		}
		return document;
	}

	/**
	 * Gives a problem that Spring built (for a malformed request, say) a ZonePay code,
	 * type and title.
	 */
	public static ProblemDetail classify(ProblemDetail document, ProblemCode problem) {
		document.setType(problem.type());
		document.setTitle(problem.title());
		document.setProperty(CODE, problem.code());
		return document;
	}

}
