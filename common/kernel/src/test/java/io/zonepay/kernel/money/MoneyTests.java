package io.zonepay.kernel.money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	@Test
	void addsAndSubtractsInMinorUnits() {
		assertThat(Money.of(1999, "CNY").plus(Money.of(1, "CNY"))).isEqualTo(Money.of(2000, "CNY"));
		assertThat(Money.of(500, "CNY").minus(Money.of(700, "CNY")).isNegative()).isTrue();
	}

	@Test
	void refusesToMixCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(1, "CNY").plus(Money.of(1, "USD")));
	}

	@Test
	void failsInsteadOfOverflowing() {
		assertThatExceptionOfType(ArithmeticException.class)
			.isThrownBy(() -> Money.of(Long.MAX_VALUE, "CNY").plus(Money.of(1, "CNY")));
	}

	@Test
	void acceptsOnlyIsoCurrencyCodes() {
		assertThat(CurrencyCode.of("JPY").minorUnitDigits()).isZero();
		assertThat(CurrencyCode.of("CNY").minorUnitDigits()).isEqualTo(2);
		assertThat(CurrencyCode.isValid("cny")).isFalse();
		assertThat(CurrencyCode.isValid("XXZ")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> CurrencyCode.of("EURO"));
	}

}
