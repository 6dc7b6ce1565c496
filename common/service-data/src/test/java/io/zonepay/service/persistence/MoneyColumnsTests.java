package io.zonepay.service.persistence;

import io.zonepay.kernel.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyColumnsTests {

	@Test
	void moneyComesBackAsItWasStored() {
		assertThat(MoneyColumns.of(Money.of(1_999, "CNY")).toMoney()).isEqualTo(Money.of(1_999, "CNY"));
		assertThat(MoneyColumns.of(Money.of(500, "JPY")).toMoney()).isEqualTo(Money.of(500, "JPY"));
	}

}
