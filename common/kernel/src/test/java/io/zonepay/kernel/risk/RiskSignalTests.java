package io.zonepay.kernel.risk;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RiskSignalTests {

	@Test
	void aBlockedSubjectCountsAsTheHighestRiskAndOneWithoutASignalAsNone() {
		RiskSignals signals = new RiskSignals(Map.of(RiskSignal.merchant(42), new RiskSignal(0.2, true, "chargebacks"),
				RiskSignal.user(1_000_031), new RiskSignal(0.4, false, null)));

		assertThat(signals.valueOf("merchant:42")).isEqualTo(1);
		assertThat(signals.valueOf("user:1000031")).isEqualTo(0.4);
		assertThat(signals.valueOf("user:7")).isZero();
	}

	@Test
	void aRiskIsBetweenZeroAndOneAndAClearedSignalSaysNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RiskSignal(1.5, false, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new RiskSignal(Double.NaN, false, null));
		assertThatIllegalArgumentException().isThrownBy(() -> new RiskSignal(0, true, "x".repeat(201)));
		assertThat(new RiskSignal(0, false, "cleared").present()).isFalse();
	}

	@Test
	void aSignalIsAboutAUserOrAMerchantById() {
		assertThat(RiskSignal.isSubject("user:1000031")).isTrue();
		assertThat(RiskSignal.isSubject("merchant:42")).isTrue();
		assertThat(RiskSignal.isSubject("card:42")).isFalse();
		assertThat(RiskSignal.isSubject("user:0")).isFalse();
		assertThat(RiskSignal.isSubject("user:42; drop")).isFalse();
	}

}
