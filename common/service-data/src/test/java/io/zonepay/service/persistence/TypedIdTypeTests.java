package io.zonepay.service.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.Properties;

import io.zonepay.kernel.id.PaymentId;
import org.hibernate.usertype.DynamicParameterizedType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class TypedIdTypeTests {

	@Test
	void anIdIsStoredAsTheBigintItsColumnHeldAndReadBackAsItsKind() throws Exception {
		TypedIdType type = typeOf(PaymentId.class);
		PreparedStatement statement = mock(PreparedStatement.class);
		ResultSet row = mock(ResultSet.class);
		given(row.getLong(1)).willReturn(1_237L);

		type.nullSafeSet(statement, new PaymentId(1_237), 1, null);
		type.nullSafeSet(statement, null, 2, null);

		verify(statement).setLong(1, 1_237L);
		verify(statement).setNull(2, Types.BIGINT);
		assertThat(type.returnedClass()).isEqualTo(PaymentId.class);
		assertThat(type.nullSafeGet(row, 1, null)).isEqualTo(new PaymentId(1_237));
		assertThat(type.toSqlLiteral(new PaymentId(1_237))).isEqualTo("1237");
	}

	@Test
	void anAttributeThatIsNoTypedIdIsAMappingMistake() {
		assertThatIllegalArgumentException().isThrownBy(() -> typeOf(Long.class))
			.withMessageContaining("not a typed id");
	}

	private static TypedIdType typeOf(Class<?> attribute) {
		DynamicParameterizedType.ParameterType parameter = mock(DynamicParameterizedType.ParameterType.class);
		given(parameter.getReturnedClass()).willAnswer(call -> attribute);
		given(parameter.getTable()).willReturn("payments");
		given(parameter.getColumns()).willReturn(new String[] { "id" });
		Properties parameters = new Properties();
		parameters.put(DynamicParameterizedType.PARAMETER_TYPE, parameter);
		TypedIdType type = new TypedIdType();
		type.setParameterValues(parameters);
		return type;
	}

}
