package io.zonepay.payment.refund;

import java.time.Instant;

import io.zonepay.kernel.id.PaymentId;
import io.zonepay.payment.payment.PaymentStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RefundTests {

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	@Test
	void aRefundIsOfAPositiveAmount() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Refund(new RefundId(5_537), new PaymentId(1_237), 0, "k", NOW));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Refund(new RefundId(5_537), new PaymentId(1_237), -1, "k", NOW));
	}

	@Test
	void aSucceededRefundNeverFailsAfterwards() {
		Refund refund = pending();
		assertThat(refund.succeed(NOW)).isTrue();
		assertThat(refund.succeed(NOW)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> refund.fail("NOT_COMPLETED", NOW));
		assertThat(refund.status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aFailedRefundNeverSucceedsAfterwardsAndKeepsItsCode() {
		Refund refund = pending();
		assertThat(refund.fail("NOT_COMPLETED", NOW)).isTrue();
		assertThat(refund.fail("OTHER", NOW)).isFalse();
		assertThatIllegalStateException().isThrownBy(() -> refund.succeed(NOW));
		assertThat(refund.failureCode()).isEqualTo("NOT_COMPLETED");
	}

	@Test
	void itIsPostedUnderAReferenceOfItsOwnInItsPaymentsShard() {
		Refund refund = pending();
		assertThat(refund.postingReference()).isEqualTo("refund:5537");
		assertThat(refund.shard().value()).isEqualTo(37);
		assertThat(refund.madeBy("user:9937:r1")).isTrue();
		assertThat(refund.madeBy("user:9937:r2")).isFalse();
	}

	private static Refund pending() {
		return new Refund(new RefundId(5_537), new PaymentId(1_237), 1_000, "user:9937:r1", NOW);
	}

}
