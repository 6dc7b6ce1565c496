package io.zonepay.service.ids;

import io.zonepay.kernel.id.BusinessId;
import io.zonepay.kernel.id.TypedId;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import org.jspecify.annotations.Nullable;

/**
 * Typed ids of every kind in JSON bodies and events: written as strings of digits, read
 * only from strings of digits. A JSON number is refused, as for the string ids before
 * them, because many clients lose an id's last digits there.
 */
public final class TypedIdJsonModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	public TypedIdJsonModule() {
		super(TypedIdJsonModule.class.getSimpleName());
		addSerializer(TypedId.class, new Writer());
	}

	@Override
	public void setupModule(SetupContext context) {
		super.setupModule(context);
		context.addDeserializers(new Readers());
	}

	private static final class Writer extends StdSerializer<TypedId> {

		Writer() {
			super(TypedId.class);
		}

		@Override
		public void serialize(TypedId id, JsonGenerator generator, SerializationContext context) {
			generator.writeString(Long.toString(id.value()));
		}

	}

	private static final class Readers extends Deserializers.Base {

		@Override
		public @Nullable ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
				BeanDescription.Supplier description) {
			return hasDeserializerFor(config, type.getRawClass())
					? new Reader<>(type.getRawClass().asSubclass(TypedId.class)) : null;
		}

		@Override
		public boolean hasDeserializerFor(DeserializationConfig config, Class<?> type) {
			return TypedId.class.isAssignableFrom(type) && !type.isInterface();
		}

	}

	private static final class Reader<T extends TypedId> extends StdScalarDeserializer<T> {

		private final Class<T> kind;

		Reader(Class<T> kind) {
			super(kind);
			this.kind = kind;
		}

		@Override
		public T deserialize(JsonParser parser, DeserializationContext context) {
			if (!parser.hasToken(JsonToken.VALUE_STRING)) {
				return kind.cast(context.handleUnexpectedToken(kind, parser));
			}
			String text = parser.getString();
			long value = BusinessId.parse(text)
				.orElseThrow(() -> context.weirdStringException(text, kind,
						"not a " + TypedIds.name(kind) + " id: a positive 64-bit number in a string"));
			return TypedIds.of(kind, value);
		}

	}

}
