package io.zonepay.payment.risk;

import java.time.Instant;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RiskStateTests {

	private static final Instant T0 = Instant.parse("2026-11-11T00:00:00Z");

	private static final UserId EVE = new UserId(1_000_031L);

	private static final long SHOP = 7;

	@Test
	void everyAttemptCountsTowardsVelocityAndARefusedOneTowardsFailuresToo() {
		RiskState state = RiskState.empty()
			.counted(payment(1, 100, T0), true)
			.counted(payment(2, 100, T0.plusSeconds(10)), false);

		RiskFeatures features = state.features(payment(3, 100, T0.plusSeconds(20)));

		assertThat(features.get(RiskFeatures.PAYMENTS_1M)).isEqualTo(2);
		assertThat(features.get(RiskFeatures.PAYMENTS_1H)).isEqualTo(2);
		assertThat(features.get(RiskFeatures.PAYMENTS_24H)).isEqualTo(2);
		assertThat(features.get(RiskFeatures.FAILURES_1H)).isEqualTo(1);
		assertThat(features.get(RiskFeatures.AMOUNT_1H)).isEqualTo(200);
		assertThat(features.get(RiskFeatures.AMOUNT)).isEqualTo(100);
	}

	@Test
	void aCounterpartyIsNewUntilAPaymentToItWentThrough() {
		RiskState refusedOnly = RiskState.empty().counted(payment(1, 100, T0), false);
		assertThat(refusedOnly.features(payment(2, 100, T0)).get(RiskFeatures.NEW_COUNTERPARTY)).isEqualTo(1);

		RiskState paid = refusedOnly.counted(payment(3, 100, T0), true);
		assertThat(paid.features(payment(4, 100, T0)).get(RiskFeatures.NEW_COUNTERPARTY)).isZero();
	}

	@Test
	void transfersAreCountedApartFromPayments() {
		RiskState state = RiskState.empty()
			.counted(RiskRequest.transfer(1_031, EVE, cny(50), new UserId(1_000_032L), T0), true);

		RiskFeatures features = state.features(payment(2, 100, T0));

		assertThat(features.get(RiskFeatures.TRANSFERS_1H)).isEqualTo(1);
		assertThat(features.get(RiskFeatures.PAYMENTS_1M)).isZero();
	}

	@Test
	void anAmountFarFromTheUsersUsualOnesHasALargeZScore() {
		RiskState state = RiskState.empty();
		for (int i = 0; i < 10; i++) {
			state = state.counted(payment(i, 1_000 + (i % 2) * 100, T0), true);
		}

		assertThat(state.features(payment(20, 1_050, T0)).get(RiskFeatures.AMOUNT_ZSCORE)).isBetween(-1.0, 1.0);
		assertThat(state.features(payment(21, 50_000, T0)).get(RiskFeatures.AMOUNT_ZSCORE)).isGreaterThan(100);
	}

	@Test
	void aFailureAfterTheDecisionCountsAsAFailure() {
		RiskState state = RiskState.empty().counted(payment(1, 100, T0), true).failed(T0.plusSeconds(1));

		assertThat(state.features(payment(2, 100, T0.plusSeconds(2))).get(RiskFeatures.FAILURES_1H)).isEqualTo(1);
	}

	private static RiskRequest payment(long id, long amount, Instant at) {
		return RiskRequest.payment(id * 100 + 31, EVE, cny(amount), SHOP, at);
	}

	private static Money cny(long amount) {
		return new Money(amount, CurrencyCode.of("CNY"));
	}

}
