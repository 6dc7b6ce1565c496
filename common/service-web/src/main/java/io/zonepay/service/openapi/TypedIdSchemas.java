package io.zonepay.service.openapi;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import io.zonepay.kernel.id.TypedId;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Schemas as the JSON really is. Any {@link TypedId} (a record such as {@code UserId},
 * whatever it is named) is a string of 1 to 19 decimal digits, as it travels, not the
 * object its Java type is. And the records ZonePay answers with say which members are
 * always there: in a {@code @NullMarked} package a record component without
 * {@code @Nullable} never is null, so it is {@code required}; a nullable one may be
 * {@code null}.
 */
@SuppressWarnings("rawtypes") // swagger-core's converter API speaks raw schemas
final class TypedIdSchemas implements ModelConverter {

	/** A business id as it travels: {@code Long.MAX_VALUE} has 19 digits. */
	static final String ID_PATTERN = "^[0-9]{1,19}$";

	static Schema<String> idSchema() {
		Schema<String> id = new Schema<>();
		id.addType("string");
		id.setType("string");
		id.setPattern(ID_PATTERN);
		id.setExample("1234567890123456737");
		id.setDescription("an id: a positive 64-bit number written as 1 to 19 decimal digits");
		return id;
	}

	@Override
	public @Nullable Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
		Class<?> raw = rawClass(type.getType());
		if (raw != null && TypedId.class.isAssignableFrom(raw)) {
			return idSchema();
		}
		Schema resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
		if (resolved != null && raw != null && raw.isRecord() && nullMarked(raw)) {
			Schema<?> model = definition(resolved, context);
			if (model != null) {
				describeNullness(raw, model);
			}
		}
		return resolved;
	}

	private static @Nullable Class<?> rawClass(@Nullable Type type) {
		if (type == null) {
			return null;
		}
		JavaType javaType = type instanceof JavaType known ? known : Json.mapper().constructType(type);
		return javaType.getRawClass();
	}

	private static boolean nullMarked(Class<?> record) {
		for (Class<?> scope = record; scope != null; scope = scope.getEnclosingClass()) {
			if (scope.isAnnotationPresent(NullMarked.class)) {
				return true;
			}
		}
		return record.getPackage() != null && record.getPackage().isAnnotationPresent(NullMarked.class);
	}

	/** The model a reference points at, or the schema itself when it is inline. */
	private static @Nullable Schema<?> definition(Schema<?> resolved, ModelConverterContext context) {
		String ref = resolved.get$ref();
		if (ref == null) {
			return resolved;
		}
		Map<String, Schema> defined = context.getDefinedModels();
		return defined == null ? null : defined.get(ref.substring(ref.lastIndexOf('/') + 1));
	}

	private static void describeNullness(Class<?> record, Schema<?> model) {
		Map<String, Schema> properties = model.getProperties();
		if (properties == null) {
			return;
		}
		List<String> required = model.getRequired() == null ? new ArrayList<>() : new ArrayList<>(model.getRequired());
		for (RecordComponent component : record.getRecordComponents()) {
			Schema<?> property = properties.get(component.getName());
			if (property == null) {
				continue;
			}
			if (component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
				Set<String> types = property.getTypes();
				if (types != null && !types.isEmpty() && property.get$ref() == null) {
					property.addType("null");
				}
			}
			else if (!required.contains(component.getName())) {
				required.add(component.getName());
			}
		}
		model.setRequired(required.isEmpty() ? null : required);
	}

}
