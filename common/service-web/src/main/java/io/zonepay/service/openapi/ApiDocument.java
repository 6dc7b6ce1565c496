package io.zonepay.service.openapi;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.service.openapi.ApiOperations.Described;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocAnnotationsUtils;

import org.springframework.http.HttpStatus;

/**
 * Makes a service's OpenAPI document say what a client of the gateway meets: the bearer
 * token, the required {@code Idempotency-Key} of money-moving calls, the typed answer
 * behind an idempotent {@code ResponseEntity<String>}, the headers of every answer, every
 * problem an operation can end in with its stable code, and ids as the strings of digits
 * they travel as. What the handler methods cannot say comes from the services'
 * {@link ApiOperations}.
 */
final class ApiDocument implements OpenApiCustomizer {

	/**
	 * Ids the code still carries as plain strings of digits (in views and paths):
	 * documented like a {@code TypedId}, which says the same once they are typed.
	 * {@code zoneId} is not one: zones are named, not numbered.
	 */
	static final Set<String> ID_NAMES = Set.of("userId", "fromUserId", "toUserId", "orderId", "paymentId", "refundId",
			"transferId", "merchantId", "depositId", "entryId");

	private final String service;

	private final Map<String, Described> described;

	ApiDocument(String service, List<ApiOperations> descriptions) {
		this.service = service;
		this.described = merged(descriptions);
	}

	private static Map<String, Described> merged(List<ApiOperations> descriptions) {
		Map<String, Described> merged = new LinkedHashMap<>();
		for (ApiOperations description : descriptions) {
			description.operations().forEach((key, operation) -> {
				if (merged.putIfAbsent(key, operation) != null) {
					throw new IllegalStateException(key + " is described twice; describe each operation in one place");
				}
			});
		}
		return merged;
	}

	@Override
	public void customise(OpenAPI api) {
		ApiInfo.describe(api, service);
		Components components = api.getComponents() == null ? new Components() : api.getComponents();
		if (components.getSchemas() == null) {
			components.setSchemas(new LinkedHashMap<>());
		}
		api.components(components);
		AnswerHeaders.register(components);
		ProblemAnswers.register(components);
		Set<String> matched = new LinkedHashSet<>();
		if (api.getPaths() != null) {
			api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				String key = method.name() + " " + path;
				Described description = described.get(key);
				if (description != null) {
					matched.add(key);
				}
				describe(api, operation, description);
			}));
		}
		List<String> unknown = described.keySet().stream().filter(key -> !matched.contains(key)).toList();
		if (!unknown.isEmpty()) {
			throw new IllegalStateException(service + " describes operations it does not have: " + unknown);
		}
		components.getSchemas().values().forEach(ApiDocument::tidySchema);
		Schemas.dropUnreferenced(api);
	}

	private static void describe(OpenAPI api, Operation operation, @Nullable Described description) {
		boolean idempotent = false;
		boolean parameters = false;
		for (Parameter parameter : operation.getParameters() == null ? List.<Parameter>of()
				: operation.getParameters()) {
			parameters = true;
			if (ZonePayHeaders.IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName())
					&& "header".equals(parameter.getIn())) {
				idempotent = true;
				idempotencyKey(parameter);
			}
			else if (parameter.getSchema() != null && ID_NAMES.contains(parameter.getName())
					&& Schemas.isString(parameter.getSchema())) {
				parameter.setSchema(TypedIdSchemas.idSchema());
			}
			if (parameter.getSchema() != null) {
				Schemas.anchorPatterns(parameter.getSchema());
			}
		}
		if (description != null && description.answer() != null) {
			answer(api, operation, description.answer());
		}
		if (description != null && description.request() != null && operation.getRequestBody() != null) {
			operation.getRequestBody().setContent(json(schema(api, description.request())));
		}
		AnswerHeaders.add(operation, idempotent, description == null || description.located(),
				description == null ? List.of() : description.headers());
		ProblemAnswers.answer(operation,
				PlatformProblems.of(operation.getRequestBody() != null, parameters, idempotent, description));
		if (description != null && description.withoutToken()) {
			operation.setSecurity(new ArrayList<>());
		}
		operation.setResponses(sorted(operation.getResponses()));
		if (operation.getTags() != null) {
			operation.setTags(operation.getTags().stream().map(tag -> tag.replaceFirst("-controller$", "")).toList());
		}
	}

	private static void idempotencyKey(Parameter parameter) {
		Schema<Object> key = Schemas.string();
		key.setMinLength(1);
		key.setMaxLength(255);
		key.setPattern("^[\\x20-\\x7E]{1,255}$");
		parameter.required(true)
			.schema(key)
			.description("Required on every money-moving call: 1-255 printable ASCII characters, new for each "
					+ "intended operation. A retry with the same key and body answers the first answer again "
					+ "(Idempotent-Replayed: true); "
					+ "the same key with another body is 422 IDEMPOTENCY_KEY_REUSED, while the first is running "
					+ "409 IDEMPOTENCY_KEY_IN_FLIGHT.");
	}

	/**
	 * The typed answer replaces the one springdoc inferred (a 200 of {@code String} for
	 * an idempotent call).
	 */
	private static void answer(OpenAPI api, Operation operation, ApiOperations.Answer answer) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		responses.keySet().removeIf(status -> status.startsWith("2"));
		responses.addApiResponse(Integer.toString(answer.status()),
				new ApiResponse().description(HttpStatus.valueOf(answer.status()).getReasonPhrase())
					.content(json(schema(api, answer.body()))));
		operation.setResponses(responses);
	}

	/**
	 * The schema of a type, through the same converters as springdoc's own (so ids are
	 * strings there too).
	 */
	private static Schema<?> schema(OpenAPI api, Class<?> type) {
		return SpringDocAnnotationsUtils.extractSchema(api.getComponents(), type, null, new Annotation[0],
				api.getSpecVersion());
	}

	private static Content json(Schema<?> schema) {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
				new MediaType().schema(schema));
	}

	private static ApiResponses sorted(ApiResponses responses) {
		ApiResponses sorted = new ApiResponses();
		new TreeMap<>(responses).forEach(sorted::addApiResponse);
		sorted.setExtensions(responses.getExtensions());
		return sorted;
	}

	/**
	 * Ids named in a view are the strings of digits they travel as; patterns match whole
	 * values.
	 */
	private static void tidySchema(Schema<?> schema) {
		if (schema.getProperties() != null) {
			schema.getProperties()
				.replaceAll((name, property) -> ID_NAMES.contains(name) && Schemas.isString(property) ? id(property)
						: property);
		}
		Schemas.anchorPatterns(schema);
	}

	private static Schema<?> id(Schema<?> property) {
		Schema<String> id = TypedIdSchemas.idSchema();
		if (property.getTypes() != null && property.getTypes().contains("null")) {
			id.addType("null");
		}
		return id;
	}

}
