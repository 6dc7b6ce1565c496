package io.zonepay.payment.payment;

import java.time.Duration;
import java.time.Instant;

import io.zonepay.kernel.global.RiskMode;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class RiskRulesTests {

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	private static final UserId PAYER = new UserId(37);

	private final Payments payments = mock(Payments.class);

	private final RiskRules rules = new RiskRules(payments, new PaymentProperties(10_000, Duration.ofMinutes(1), 3,
			Duration.ofSeconds(10), Duration.ofSeconds(5), 100));

	@Test
	void fullModeRefusesLargePaymentsAndFastPayers() {
		given(payments.countByUserSince(PAYER, NOW.minus(Duration.ofMinutes(1)))).willReturn(2L, 3L);
		assertThat(rules.judge(RiskMode.FULL, PAYER, cny(10_000), NOW)).isEmpty();
		assertThat(rules.judge(RiskMode.FULL, PAYER, cny(100), NOW)).contains(FailureCode.RISK_REJECTED);
		assertThat(rules.judge(RiskMode.FULL, PAYER, cny(10_001), NOW)).contains(FailureCode.RISK_REJECTED);
	}

	@Test
	void theVelocityWindowCountsThePayersPaymentsOfTheLastWindowOnly() {
		InMemoryPayments stored = new InMemoryPayments();
		RiskRules rules = new RiskRules(stored, new PaymentProperties(10_000, Duration.ofMinutes(1), 3,
				Duration.ofSeconds(10), Duration.ofSeconds(5), 100));
		for (int i = 0; i < 3; i++) {
			stored.stored(new PaymentId(1_237 + i * 100), new OrderId(2_237 + i * 100), PAYER, new MerchantId(9_001),
					cny(100), PaymentStatus.SUCCEEDED, NOW.plusSeconds(i * 20));
		}
		stored.stored(new PaymentId(1_912), new OrderId(2_912), new UserId(12), new MerchantId(9_001), cny(100),
				PaymentStatus.SUCCEEDED, NOW);

		assertThat(rules.judge(RiskMode.FULL, PAYER, cny(100), NOW.plusSeconds(59)))
			.contains(FailureCode.RISK_REJECTED);
		assertThat(rules.judge(RiskMode.FULL, PAYER, cny(100), NOW.plusSeconds(60))).isEmpty();
		assertThat(rules.judge(RiskMode.FULL, new UserId(12), cny(100), NOW.plusSeconds(59))).isEmpty();
	}

	@Test
	void rulesOnlyModeLooksAtTheAmountButNeverAtHistory() {
		assertThat(rules.judge(RiskMode.RULES_ONLY, PAYER, cny(10_000), NOW)).isEmpty();
		assertThat(rules.judge(RiskMode.RULES_ONLY, PAYER, cny(10_001), NOW)).contains(FailureCode.RISK_REJECTED);
		verify(payments, never()).countByUserSince(any(), any());
	}

	@Test
	void offModeLetsEverythingThrough() {
		assertThat(rules.judge(RiskMode.OFF, PAYER, cny(5_000_000), NOW)).isEmpty();
		verify(payments, never()).countByUserSince(any(), any());
	}

	private static Money cny(long amount) {
		return new Money(amount, CurrencyCode.of("CNY"));
	}

}
