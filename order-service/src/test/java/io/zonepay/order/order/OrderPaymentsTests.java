package io.zonepay.order.order;

import java.time.Instant;
import java.util.Optional;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.testkit.TestClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A payment pays its order without reading it; only when the guarded update refuses does
 * the order say why. Refunds are the order's decision, written over the version read.
 */
class OrderPaymentsTests {

	private static final OrderId ORDER = new OrderId(2_237);

	private static final PaymentId PAYMENT = new PaymentId(5_107);

	private final TestClock clock = TestClock.at("2026-11-11T00:00:00Z");

	private final Orders orders = mock(Orders.class);

	private final OrderPayments payments = new OrderPayments(orders, clock);

	@Test
	void aPaymentPaysItsOrderWithOneGuardedUpdateAndNoRead() {
		given(orders.markPaid(ORDER, PAYMENT, clock.instant())).willReturn(true);

		payments.markPaid(ORDER, PAYMENT);

		verify(orders, never()).findById(any());
	}

	@Test
	void theSamePaymentOfAPaidOrderAgainChangesNothing() {
		Order order = paid(PAYMENT);
		given(orders.findById(ORDER)).willReturn(Optional.of(order));

		payments.markPaid(ORDER, PAYMENT);

		assertThat(order.status()).isEqualTo(OrderStatus.PAID);
		verify(orders, never()).update(any());
	}

	@Test
	void anotherPaymentOfAPaidOrderIsRefused() {
		given(orders.findById(ORDER)).willReturn(Optional.of(paid(PAYMENT)));

		assertThatIllegalStateException().isThrownBy(() -> payments.markPaid(ORDER, new PaymentId(5_207)))
			.withMessageContaining("is PAID");
	}

	@Test
	void aPaymentOfAnUnknownOrderIsRefused() {
		given(orders.findById(ORDER)).willReturn(Optional.empty());

		assertThatIllegalStateException().isThrownBy(() -> payments.markPaid(ORDER, PAYMENT))
			.withMessage("unknown order 2237");
	}

	@Test
	void refundsAreWrittenAsTheOrderRecordsThem() {
		Order order = paid(PAYMENT);
		given(orders.findById(ORDER)).willReturn(Optional.of(order));

		payments.recordRefunds(ORDER, 400);

		assertThat(order.status()).isEqualTo(OrderStatus.PARTIALLY_REFUNDED);
		verify(orders).update(order);
	}

	@Test
	void anOlderRefundTotalWritesNothing() {
		Order order = paid(PAYMENT);
		order.recordRefunds(1_000, clock.instant());
		given(orders.findById(ORDER)).willReturn(Optional.of(order));

		payments.recordRefunds(ORDER, 400);

		assertThat(order.refundedAmount()).isEqualTo(1_000);
		verify(orders, never()).update(any());
	}

	private static Order paid(PaymentId payment) {
		Order order = new Order(ORDER, new UserId(9_937), new MerchantId(9_001), Money.of(1_000, "CNY"), "tea",
				Instant.parse("2026-11-10T00:00:00Z"));
		order.markPaid(payment, Instant.parse("2026-11-10T00:01:00Z"));
		return order;
	}

}
