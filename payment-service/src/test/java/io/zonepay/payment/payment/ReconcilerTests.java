package io.zonepay.payment.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.service.outbox.OutboxEvent;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The reconciler settles what a crash or an outage left PENDING, from the ledger's
 * answer, and only once a payment is older than {@code reconcile-after} by the injected
 * clock: a younger one may still be in the hands of its request.
 */
class ReconcilerTests {

	private static final UserId ALICE = new UserId(9_937);

	private final PaymentFlowFixture fixture = new PaymentFlowFixture();

	/** reconcile-after 30 s, at most 2 a run. */
	private final Reconciler reconciler = new Reconciler(fixture.payments, fixture.flow, fixture.properties,
			fixture.clock, null);

	@Test
	void aStalePaymentWhosePostingExistsSucceedsWithTheEventItsCrashSwallowed() {
		Payment stale = pendingSince(fixture.clock.instant(), 1_237);
		given(fixture.ledger.find(stale.postingReference())).willReturn(Optional.of(Settled.POSTED));
		fixture.clock.advance(Duration.ofSeconds(31));

		reconciler.reconcile();

		assertThat(stale.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		verify(fixture.ledger, never()).voidReference(anyString(), any());
		ArgumentCaptor<OutboxEvent> appended = ArgumentCaptor.forClass(OutboxEvent.class);
		verify(fixture.outbox).append(appended.capture());
		assertThat(appended.getValue().type()).isEqualTo("PaymentSucceeded");
	}

	@Test
	void aStalePaymentThatWasNeverPostedHasItsReferenceVoidedThenFails() {
		Payment stale = pendingSince(fixture.clock.instant(), 1_237);
		given(fixture.ledger.find(stale.postingReference())).willReturn(Optional.empty());
		given(fixture.ledger.voidReference(stale.postingReference(), ALICE.shard())).willReturn(Settled.VOIDED);
		fixture.clock.advance(Duration.ofSeconds(31));

		reconciler.reconcile();

		verify(fixture.ledger).voidReference(stale.postingReference(), ALICE.shard());
		assertThat(stale.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(stale.failureCode()).isEqualTo("NOT_COMPLETED");
		verify(fixture.outbox, never()).append(any());
	}

	@Test
	void aPostingThatLandsJustBeforeTheVoidStillMakesThePaymentSucceed() {
		Payment stale = pendingSince(fixture.clock.instant(), 1_237);
		given(fixture.ledger.find(stale.postingReference())).willReturn(Optional.empty());
		given(fixture.ledger.voidReference(stale.postingReference(), ALICE.shard())).willReturn(Settled.POSTED);
		fixture.clock.advance(Duration.ofSeconds(31));

		reconciler.reconcile();

		assertThat(stale.status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aPaymentYoungerThanReconcileAfterIsLeftToItsRequest() {
		Payment young = pendingSince(fixture.clock.instant(), 1_237);
		given(fixture.ledger.find(young.postingReference())).willReturn(Optional.empty());
		given(fixture.ledger.voidReference(young.postingReference(), ALICE.shard())).willReturn(Settled.VOIDED);

		fixture.clock.advance(Duration.ofSeconds(29));
		reconciler.reconcile();
		fixture.clock.advance(Duration.ofSeconds(1));
		reconciler.reconcile();

		assertThat(young.status()).isEqualTo(PaymentStatus.PENDING);
		verifyNoInteractions(fixture.ledger);

		fixture.clock.advance(Duration.ofMillis(1));
		reconciler.reconcile();
		assertThat(young.status()).isEqualTo(PaymentStatus.FAILED);
	}

	@Test
	void decidedPaymentsAreNeverTouched() {
		Instant longAgo = fixture.clock.instant().minus(Duration.ofHours(1));
		fixture.payments.stored(new PaymentId(1_237), new OrderId(2_237), ALICE, new MerchantId(9_001),
				Money.of(100, "CNY"), PaymentStatus.SUCCEEDED, longAgo);
		fixture.payments.stored(new PaymentId(1_337), new OrderId(2_337), ALICE, new MerchantId(9_001),
				Money.of(100, "CNY"), PaymentStatus.FAILED, longAgo);

		reconciler.reconcile();

		verifyNoInteractions(fixture.ledger);
	}

	@Test
	void oneRunSettlesAtMostItsBatchOldestFirst() {
		Instant start = fixture.clock.instant();
		Payment third = pendingSince(start.plusSeconds(2), 1_437);
		Payment first = pendingSince(start, 1_237);
		Payment second = pendingSince(start.plusSeconds(1), 1_337);
		given(fixture.ledger.find(anyString())).willReturn(Optional.of(Settled.POSTED));
		fixture.clock.advance(Duration.ofMinutes(1));

		reconciler.reconcile();

		assertThat(first.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(second.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(third.status()).isEqualTo(PaymentStatus.PENDING);
	}

	private Payment pendingSince(Instant createdAt, long id) {
		return fixture.payments.stored(new PaymentId(id), new OrderId(id + 1_000), ALICE, new MerchantId(9_001),
				Money.of(100, "CNY"), PaymentStatus.PENDING, createdAt);
	}

}
