package io.zonepay.service.openapi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.zonepay.kernel.problem.ProblemCode;

import org.springframework.http.HttpHeaders;

/**
 * RFC 9457 answers in the document: one {@code Problem} schema, and for each status an
 * operation can end in, the stable {@code code}s it may carry there (an {@code enum} a
 * client can branch on, and an example of each).
 */
final class ProblemAnswers {

	static final String PROBLEM = "Problem";

	static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;

	/**
	 * The {@code Problem} schema and the {@code Retry-After} header, once per document.
	 */
	static void register(Components components) {
		components.addSchemas(PROBLEM, problemSchema());
		components.addHeaders(RETRY_AFTER,
				new Header().description("seconds to wait before trying again").schema(Schemas.integer()));
	}

	/**
	 * Adds a response per status the problems have, next to what the operation already
	 * answers.
	 */
	static void answer(Operation operation, Collection<ProblemCode> problems) {
		Map<Integer, List<ProblemCode>> byStatus = new TreeMap<>();
		problems
			.forEach(problem -> byStatus.computeIfAbsent(problem.status(), ignored -> new ArrayList<>()).add(problem));
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		byStatus
			.forEach((status, codes) -> responses.addApiResponse(Integer.toString(status), response(status, codes)));
		operation.setResponses(responses);
	}

	private static ApiResponse response(int status, List<ProblemCode> codes) {
		Schema<Object> code = Schemas.string();
		codes.forEach(problem -> code.addEnumItemObject(problem.code()));
		Schema<Object> schema = new Schema<>();
		schema.addAllOfItem(new Schema<>().$ref("#/components/schemas/" + PROBLEM));
		schema.addProperty("code", code);
		Map<String, Example> examples = new LinkedHashMap<>();
		codes.forEach(problem -> examples.put(problem.code(),
				new Example().summary(problem.title()).value(example(problem))));
		ApiResponse response = new ApiResponse()
			.description(String.join(", ",
					codes.stream().map(problem -> problem.code() + " (" + problem.title() + ")").toList()))
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema).examples(examples)));
		if (status == 429 || status == 503) {
			response.addHeaderObject(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER));
		}
		return response;
	}

	private static Map<String, Object> example(ProblemCode problem) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", problem.type().toString());
		document.put("title", problem.title());
		document.put("status", problem.status());
		document.put("detail", "what happened, for a person");
		document.put("code", problem.code());
		return document;
	}

	private static Schema<Object> problemSchema() {
		Schema<Object> problem = Schemas.object();
		problem.setDescription(
				"An RFC 9457 problem. Branch on code: it never changes once published; title and detail are for"
						+ " people.");
		problem.addProperty("type",
				Schemas.string().format("uri").description("https://zonepay.io/problems/ and the code in kebab case"));
		problem.addProperty("title", Schemas.string().description("the code's summary; the same for every occurrence"));
		problem.addProperty("status", Schemas.integer().description("the HTTP status"));
		problem.addProperty("detail", Schemas.string().description("this occurrence, for a person"));
		problem.addProperty("instance",
				Schemas.string().format("uri-reference").description("the path that was called"));
		problem.addProperty("code",
				Schemas.string().pattern("^[A-Z][A-Z0-9_]*$").description("the stable, machine-readable code"));
		Schema<Object> error = Schemas.object();
		error.addProperty("field", Schemas.string());
		error.addProperty("message", Schemas.string());
		problem.addProperty("errors",
				Schemas.array(error).description("VALIDATION_FAILED of a body: each field that is not valid"));
		problem.setRequired(List.of("type", "title", "status", "code"));
		return problem;
	}

	private ProblemAnswers() {
	}

}
