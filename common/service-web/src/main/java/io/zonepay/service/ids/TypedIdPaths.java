package io.zonepay.service.ids;

import io.zonepay.kernel.id.TypedId;

import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Binds path variables and request parameters to typed ids of every kind
 * ({@code @PathVariable PaymentId paymentId}). What is not an id fails binding with the
 * {@code VALIDATION_FAILED} problem {@link PathIds} raises, which the problem handler
 * answers as it is.
 */
final class TypedIdPaths implements ConverterFactory<String, TypedId> {

	@Override
	public <T extends TypedId> Converter<String, T> getConverter(Class<T> kind) {
		return segment -> PathIds.parse(segment, kind);
	}

}
