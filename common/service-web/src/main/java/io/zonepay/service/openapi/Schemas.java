package io.zonepay.service.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

import org.jspecify.annotations.Nullable;

/**
 * Small schemas written by hand, and the walk that makes every schema of a document say
 * what the code checks.
 */
final class Schemas {

	private static final Pattern REFERENCE = Pattern.compile("\"#/components/schemas/([^\"]+)\"");

	private Schemas() {
	}

	static Schema<Object> string() {
		return typed("string");
	}

	static Schema<Object> integer() {
		return typed("integer");
	}

	static Schema<Object> object() {
		return typed("object");
	}

	static Schema<Object> array(Schema<?> items) {
		Schema<Object> array = typed("array");
		array.setItems(items);
		return array;
	}

	/**
	 * Typed for OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) alike, whichever the
	 * document is written as.
	 */
	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		schema.addType(type);
		return schema;
	}

	/**
	 * Drops the component schemas nothing refers to any more, such as what springdoc made
	 * of a body or an answer that a description replaced.
	 */
	@SuppressWarnings("rawtypes") // swagger-core's component map is raw
	static void dropUnreferenced(OpenAPI api) {
		Map<String, Schema> schemas = api.getComponents().getSchemas();
		Set<String> reachable = new HashSet<>(references(api.getPaths()));
		Deque<String> unvisited = new ArrayDeque<>(reachable);
		while (!unvisited.isEmpty()) {
			Schema<?> schema = schemas.get(unvisited.pop());
			references(schema).stream().filter(reachable::add).forEach(unvisited::push);
		}
		schemas.keySet().retainAll(reachable);
	}

	private static Set<String> references(@Nullable Object part) {
		Set<String> names = new HashSet<>();
		if (part != null) {
			Matcher reference = REFERENCE.matcher(Json31.pretty(part));
			while (reference.find()) {
				names.add(reference.group(1));
			}
		}
		return names;
	}

	static boolean isString(Schema<?> schema) {
		Set<String> types = schema.getTypes();
		return schema.get$ref() == null
				&& ("string".equals(schema.getType()) || (types != null && types.contains("string")));
	}

	/**
	 * Bean Validation's {@code @Pattern} matches the whole value; a JSON Schema
	 * {@code pattern} matches anywhere in it unless anchored. Anchors every pattern of
	 * the schema and of the schemas inside it, so a client that validates checks what the
	 * service checks.
	 */
	static void anchorPatterns(Schema<?> schema) {
		String pattern = schema.getPattern();
		if (pattern != null && !pattern.startsWith("^")) {
			schema.setPattern(pattern.contains("|") ? "^(?:" + pattern + ")$" : "^" + pattern + "$");
		}
		nested(schema).forEach(Schemas::anchorPatterns);
	}

	@SuppressWarnings("rawtypes") // swagger-core's composed schemas are raw lists
	private static List<Schema<?>> nested(Schema<?> schema) {
		List<Schema<?>> nested = new ArrayList<>();
		if (schema.getProperties() != null) {
			schema.getProperties().values().forEach(nested::add);
		}
		if (schema.getItems() != null) {
			nested.add(schema.getItems());
		}
		if (schema.getAdditionalProperties() instanceof Schema<?> additional) {
			nested.add(additional);
		}
		Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
			.filter(Objects::nonNull)
			.forEach(parts -> parts.forEach(nested::add));
		return nested;
	}

}
