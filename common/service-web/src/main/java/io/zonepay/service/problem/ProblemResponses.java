package io.zonepay.service.problem;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.zonepay.kernel.problem.ProblemCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes problems from servlet filters, which answer before Spring MVC's exception
 * handling is in play.
 */
public final class ProblemResponses {

	private final JsonMapper json;

	public ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, ProblemCode problem, String detail,
			Map<String, Object> properties) throws IOException {
		ProblemDetail document = Problems.of(problem, detail, properties);
		document.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(problem.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), Problems.toDocument(document));
	}

}
