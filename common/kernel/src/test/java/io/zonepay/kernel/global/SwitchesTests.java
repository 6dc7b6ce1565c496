package io.zonepay.kernel.global;

import java.util.Map;

import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.zone.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SwitchesTests {

	@Test
	void readsTypedValuesAndFallsBackToDefaults() {
		Switches switches = new Switches(Map.of("risk.mode", "RULES_ONLY", "payments.maxAmount.CNY", "100",
				"zone.rz2.acceptingPayments", "false"));
		assertThat(switches.riskMode()).isEqualTo(RiskMode.RULES_ONLY);
		assertThat(switches.maxPaymentAmount(CurrencyCode.of("CNY"))).isEqualTo(100);
		assertThat(switches.maxPaymentAmount(CurrencyCode.of("USD"))).isEqualTo(5_000_000);
		assertThat(switches.acceptingPayments(ZoneId.of("rz2"))).isFalse();
		assertThat(switches.acceptingPayments(ZoneId.of("rz1"))).isTrue();
		assertThat(switches.crossZoneTransfersEnabled()).isTrue();
		assertThat(Switches.none().riskMode()).isEqualTo(RiskMode.FULL);
	}

	@Test
	void aZonesCapacityIsWhatWasMeasuredOrZeroWhileUnmeasured() {
		Switches switches = new Switches(Map.of("zone.rz1.capacity", "120"));

		assertThat(switches.capacity(ZoneId.of("rz1"))).isEqualTo(120);
		assertThat(switches.capacity(ZoneId.of("rz2"))).isZero();
		assertThat(SwitchDefinition.of("zone.rz1.capacity")).hasValue(SwitchDefinition.ZONE_CAPACITY);
		assertThat(SwitchDefinition.ZONE_CAPACITY.validate(" 0042 ")).isEqualTo("42");
		assertThatIllegalArgumentException().isThrownBy(() -> SwitchDefinition.ZONE_CAPACITY.validate("-5"));
	}

	@Test
	void knowsWhichSwitchNamesExist() {
		assertThat(SwitchDefinition.of("risk.mode")).hasValue(SwitchDefinition.RISK_MODE);
		assertThat(SwitchDefinition.of("payments.maxAmount.EUR")).hasValue(SwitchDefinition.MAX_PAYMENT_AMOUNT);
		assertThat(SwitchDefinition.of("zone.cz-hz.acceptingPayments"))
			.hasValue(SwitchDefinition.ZONE_ACCEPTING_PAYMENTS);
		assertThat(SwitchDefinition.of("payments.maxAmount.XYZ")).isEmpty();
		assertThat(SwitchDefinition.of("risk.mode.extra")).isEmpty();
		assertThat(SwitchDefinition.of("anything")).isEmpty();
	}

	@Test
	void normalizesValuesItAccepts() {
		assertThat(SwitchDefinition.RISK_MODE.validate(" rules_only ")).isEqualTo("RULES_ONLY");
		assertThat(SwitchDefinition.CROSS_ZONE_TRANSFERS.validate("FALSE")).isEqualTo("false");
		assertThat(SwitchDefinition.MAX_PAYMENT_AMOUNT.validate("00042")).isEqualTo("42");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "maybe", "1", "FULLY" })
	void refusesValuesASwitchDoesNotTake(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> SwitchDefinition.RISK_MODE.validate(value));
		assertThatIllegalArgumentException().isThrownBy(() -> SwitchDefinition.CROSS_ZONE_TRANSFERS.validate(value));
	}

	@Test
	void refusesLimitsThatAreNotPositiveAmounts() {
		assertThatIllegalArgumentException().isThrownBy(() -> SwitchDefinition.MAX_PAYMENT_AMOUNT.validate("0"));
		assertThatIllegalArgumentException().isThrownBy(() -> SwitchDefinition.MAX_PAYMENT_AMOUNT.validate("-1"));
		assertThatIllegalArgumentException().isThrownBy(() -> SwitchDefinition.MAX_PAYMENT_AMOUNT.validate("12.5"))
			.withMessageContaining("positive number of minor units");
	}

}
