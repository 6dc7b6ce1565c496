package io.zonepay.service.ids;

import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.TypedId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TypedIdJsonModuleTests {

	private static final JsonMapper JSON = JsonMapper.builder().addModule(new TypedIdJsonModule()).build();

	@Test
	void idsAreWrittenAsStringsOfDigitsAndReadBack() {
		Paid paid = new Paid(new PaymentId(9_007_199_254_740_993L), new OrderId(1_237), null, new TransferId(42));

		String json = JSON.writeValueAsString(paid);

		assertThat(json).isEqualTo(
				"{\"paymentId\":\"9007199254740993\",\"orderId\":\"1237\",\"refundId\":null,\"transferId\":\"42\"}");
		assertThat(JSON.readValue(json, Paid.class)).isEqualTo(paid);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1237", "\"abc\"", "\"0\"", "\"-5\"", "\"99999999999999999999\"", "true", "{}" })
	void whatIsNotAStringOfDigitsIsRefusedWithThePathOfTheField(String orderId) {
		assertThatExceptionOfType(DatabindException.class)
			.isThrownBy(() -> JSON.readValue("{\"orderId\": " + orderId + "}", Ordered.class))
			.satisfies(ex -> assertThat(ex.getPath()).singleElement()
				.satisfies(field -> assertThat(field.getPropertyName()).isEqualTo("orderId")));
	}

	record Paid(PaymentId paymentId, OrderId orderId, @Nullable PaymentId refundId, TransferId transferId) {
	}

	record Ordered(OrderId orderId) {
	}

	/** A service's own kind of id, package-private like most of them. */
	record TransferId(long value) implements TypedId {
	}

}
