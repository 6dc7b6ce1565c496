package io.zonepay.order.order;

import java.time.Instant;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class OrderTests {

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	@Test
	void aNewOrderIsCreatedAndUnpaid() {
		Order order = order(1_000);
		assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
		assertThat(order.paymentId()).isNull();
		assertThat(order.refundedAmount()).isZero();
	}

	@Test
	void aPaymentMarksItPaidAndTheSameEventAgainChangesNothing() {
		Order order = order(1_000);
		assertThat(order.markPaid(new PaymentId(77), NOW)).isTrue();
		assertThat(order.markPaid(new PaymentId(77), NOW)).isFalse();
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		assertThat(order.paymentId()).isEqualTo(new PaymentId(77));
	}

	@Test
	void aSecondPaymentOfAPaidOrderIsRefused() {
		Order order = order(1_000);
		order.markPaid(new PaymentId(77), NOW);
		assertThatIllegalStateException().isThrownBy(() -> order.markPaid(new PaymentId(78), NOW));
		assertThat(order.paymentId()).isEqualTo(new PaymentId(77));
	}

	@Test
	void aPaymentThatRacedACancellationStillPaysTheOrder() {
		Order order = order(1_000);
		order.cancel(NOW);
		assertThat(order.markPaid(new PaymentId(77), NOW)).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void refundsMoveItToPartlyThenFullyRefunded() {
		Order order = order(1_000);
		order.markPaid(new PaymentId(77), NOW);
		assertThat(order.recordRefunds(400, NOW)).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		assertThat(order.recordRefunds(1_000, NOW)).isTrue();
		assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(order.refundedAmount()).isEqualTo(1_000);
	}

	@Test
	void aLateOlderRefundTotalChangesNothing() {
		Order order = order(1_000);
		order.markPaid(new PaymentId(77), NOW);
		order.recordRefunds(1_000, NOW);
		assertThat(order.recordRefunds(400, NOW)).isFalse();
		assertThat(order.status()).isEqualTo(OrderStatus.REFUNDED);
		assertThat(order.refundedAmount()).isEqualTo(1_000);
	}

	@Test
	void refundsAboveTheAmountOrOfAnUnpaidOrderAreRefused() {
		Order unpaid = order(1_000);
		assertThatIllegalStateException().isThrownBy(() -> unpaid.recordRefunds(100, NOW));
		Order paid = order(1_000);
		paid.markPaid(new PaymentId(77), NOW);
		assertThatIllegalStateException().isThrownBy(() -> paid.recordRefunds(1_001, NOW));
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
	}

	@Test
	void onlyACreatedOrderCanBeCancelled() {
		Order order = order(1_000);
		order.cancel(NOW);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThatIllegalStateException().isThrownBy(() -> order.cancel(NOW));
		Order paid = order(1_000);
		paid.markPaid(new PaymentId(77), NOW);
		assertThatIllegalStateException().isThrownBy(() -> paid.cancel(NOW));
		assertThat(paid.status()).isEqualTo(OrderStatus.PAID);
	}

	private static Order order(long amount) {
		return new Order(new OrderId(1_237), new UserId(37), new MerchantId(9_001),
				new Money(amount, CurrencyCode.of("CNY")), "tea", NOW);
	}

}
