package io.zonepay.kernel.id;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "1", "37", "9223372036854775807", "000042" })
	void readsPositiveDecimalIds(String text) {
		assertThat(BusinessId.parse(text)).hasValue(Long.parseLong(text));
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "0", "-5", "+5", "12a", "1e9", " 42", "9223372036854775808", "99999999999999999999", "٣٣" })
	void refusesWhatIsNotAPositiveSixtyFourBitId(String text) {
		assertThat(BusinessId.parse(text)).isEmpty();
	}

}
