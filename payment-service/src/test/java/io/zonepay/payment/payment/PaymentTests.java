package io.zonepay.payment.payment;

import java.time.Instant;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PaymentTests {

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	@Test
	void aPendingPaymentSucceedsOnceAndNeverFailsAfterwards() {
		Payment payment = pending(3_000);
		assertThat(payment.succeed(NOW)).isTrue();
		assertThat(payment.succeed(NOW)).isFalse();
		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThatIllegalStateException().isThrownBy(() -> payment.fail(FailureCode.NOT_COMPLETED, NOW));
		assertThat(payment.failureCode()).isNull();
	}

	@Test
	void aFailedPaymentKeepsItsCodeAndNeverSucceeds() {
		Payment payment = pending(3_000);
		assertThat(payment.fail(FailureCode.INSUFFICIENT_FUNDS, NOW)).isTrue();
		assertThat(payment.fail(FailureCode.NOT_COMPLETED, NOW)).isFalse();
		assertThat(payment.failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThatIllegalStateException().isThrownBy(() -> payment.succeed(NOW));
	}

	@Test
	void aRefusedPaymentIsFailedFromTheStart() {
		Payment payment = Payment.refused(new PaymentId(1_237), new OrderId(2_237), new UserId(37),
				new MerchantId(9_001), cny(3_000), "u37:key", FailureCode.RISK_REJECTED, NOW);
		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.failureCode()).isEqualTo("RISK_REJECTED");
	}

	@Test
	void refundsReserveThenCompleteOrReleaseWithinTheAmount() {
		Payment payment = succeeded(3_000);
		payment.reserveRefund(1_000, NOW);
		payment.reserveRefund(2_000, NOW);
		assertThatIllegalArgumentException().isThrownBy(() -> payment.reserveRefund(1, NOW));
		payment.completeRefund(1_000, NOW);
		payment.releaseRefund(2_000, NOW);
		assertThat(payment.refundedAmount()).isEqualTo(1_000);
		payment.reserveRefund(2_000, NOW);
		payment.completeRefund(2_000, NOW);
		assertThat(payment.refundedAmount()).isEqualTo(3_000);
		assertThatIllegalArgumentException().isThrownBy(() -> payment.reserveRefund(1, NOW));
	}

	@Test
	void onlyASucceededPaymentIsRefunded() {
		assertThatIllegalStateException().isThrownBy(() -> pending(3_000).reserveRefund(100, NOW));
		Payment payment = succeeded(3_000);
		assertThatIllegalArgumentException().isThrownBy(() -> payment.reserveRefund(0, NOW));
		assertThatIllegalStateException().isThrownBy(() -> payment.completeRefund(100, NOW));
	}

	@Test
	void itIsPostedUnderAReferenceOfItsOwnInItsPayersShard() {
		Payment payment = pending(3_000);
		assertThat(payment.postingReference()).isEqualTo("payment:1237");
		assertThat(payment.shard().value()).isEqualTo(37);
		assertThat(payment.madeBy("u37:key")).isTrue();
		assertThat(payment.madeBy("u37:other")).isFalse();
	}

	private static Payment pending(long amount) {
		return Payment.pending(new PaymentId(1_237), new OrderId(2_237), new UserId(37), new MerchantId(9_001),
				cny(amount), "u37:key", NOW);
	}

	private static Payment succeeded(long amount) {
		Payment payment = pending(amount);
		payment.succeed(NOW);
		return payment;
	}

	private static Money cny(long amount) {
		return new Money(amount, CurrencyCode.of("CNY"));
	}

}
