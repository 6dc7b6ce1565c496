package io.zonepay.service.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.swagger.v3.oas.models.media.Schema;

/** Small schemas written by hand, and the walk that makes every schema of a document say what the code checks. */
final class Schemas {

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

	/** Typed for OpenAPI 3.0 ({@code type}) and 3.1 ({@code types}) alike, whichever the document is written as. */
	private static Schema<Object> typed(String type) {
		Schema<Object> schema = new Schema<>();
		schema.setType(type);
		schema.addType(type);
		return schema;
	}

	static boolean isString(Schema<?> schema) {
		Set<String> types = schema.getTypes();
		return schema.get$ref() == null && ("string".equals(schema.getType()) || (types != null && types.contains("string")));
	}

	/**
	 * Bean Validation's {@code @Pattern} matches the whole value; a JSON Schema {@code pattern} matches anywhere in it
	 * unless anchored. Anchors every pattern of the schema and of the schemas inside it, so a client that validates
	 * checks what the service checks.
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
		Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()).filter(Objects::nonNull).forEach(parts -> parts.forEach(nested::add));
		return nested;
	}
}
