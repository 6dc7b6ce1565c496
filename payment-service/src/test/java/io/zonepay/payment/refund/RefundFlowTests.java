package io.zonepay.payment.refund;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.TestRequest;
import io.zonepay.payment.payment.InMemoryPayments;
import io.zonepay.payment.payment.Payment;
import io.zonepay.payment.payment.PaymentStatus;
import io.zonepay.payment.refund.RefundEvents.RefundSucceeded;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.AccountKind;
import io.zonepay.payment.zone.LedgerClient.Leg;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.ZoneUnreachable;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.outbox.OutboxEvent;
import io.zonepay.testkit.TestClock;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Money back to the payer: only of a succeeded payment, and never, in flight or done,
 * more than was paid.
 */
class RefundFlowTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final Caller AS_ALICE = Caller.user(ALICE, Set.of(Role.USER));

	private static final MerchantId TEA_HOUSE = new MerchantId(9_001);

	private final TestClock clock = TestClock.at("2026-11-11T00:00:00Z");

	private final InMemoryPayments payments = new InMemoryPayments();

	private final InMemoryRefunds refunds = new InMemoryRefunds();

	private final LedgerClient ledger = mock(LedgerClient.class);

	private final Outbox outbox = mock(Outbox.class);

	private final RefundFlow flow;

	/** Paid 3 000 CNY, in Alice's shard. */
	private final Payment paid = payment(1_237, PaymentStatus.SUCCEEDED);

	RefundFlowTests() {
		TransactionTemplate transactions = mock(TransactionTemplate.class);
		given(transactions.execute(any()))
			.willAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
		flow = new RefundFlow(payments, refunds, ledger, new IdGenerator(7), outbox, transactions, clock);
	}

	@Test
	void refundsPartOfAPaymentThenTheRestFromTheMerchantsReceivable() {
		given(ledger.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.POSTED);

		Refund part = flow.refund(AS_ALICE, paid.id(), 1_000, TestRequest.of("user:9937:r1"));

		assertThat(part.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(paid.refundedAmount()).isEqualTo(1_000);
		verify(ledger).post(part.postingReference(), PostingKind.REFUND, ALICE.shard(), List
			.of(new Leg(AccountKind.MERCHANT, "9001", "CNY", -1_000), new Leg(AccountKind.USER, "9937", "CNY", 1_000)));

		Refund rest = flow.refund(AS_ALICE, paid.id(), 2_000, TestRequest.of("user:9937:r2"));

		assertThat(rest.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(paid.refundedAmount()).isEqualTo(3_000);
		assertThat(succeededEvents()).extracting(RefundSucceeded::amount, RefundSucceeded::refundedTotal)
			.containsExactly(tuple(1_000L, 1_000L), tuple(2_000L, 3_000L));
	}

	@Test
	void rejectsRefundAbovePaidAmount() {
		assertProblem(() -> flow.refund(AS_ALICE, paid.id(), 3_001, TestRequest.of("user:9937:r1")),
				"REFUND_EXCEEDS_PAYMENT", 422);

		assertThat(refunds.all()).isEmpty();
		assertThat(paid.refundedAmount()).isZero();
		verifyNoInteractions(ledger);
	}

	@Test
	void rejectsARefundAboveWhatEarlierRefundsLeft() {
		given(ledger.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.POSTED);
		flow.refund(AS_ALICE, paid.id(), 1_000, TestRequest.of("user:9937:r1"));

		assertProblem(() -> flow.refund(AS_ALICE, paid.id(), 2_001, TestRequest.of("user:9937:r2")),
				"REFUND_EXCEEDS_PAYMENT", 422);
		assertThat(flow.refund(AS_ALICE, paid.id(), 2_000, TestRequest.of("user:9937:r3")).status())
			.isEqualTo(PaymentStatus.SUCCEEDED);
		assertProblem(() -> flow.refund(AS_ALICE, paid.id(), 1, TestRequest.of("user:9937:r4")),
				"REFUND_EXCEEDS_PAYMENT", 422);
		assertThat(paid.refundedAmount()).isEqualTo(3_000);
	}

	@Test
	void aRefundInFlightCountsAgainstWhatIsLeft() {
		given(ledger.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList()))
			.willThrow(new ZoneUnreachable("down"));
		assertProblem(() -> flow.refund(AS_ALICE, paid.id(), 2_000, TestRequest.of("user:9937:r1")), "ZONE_UNAVAILABLE",
				503);
		assertThat(refunds.all()).singleElement().extracting(Refund::status).isEqualTo(PaymentStatus.PENDING);

		assertProblem(() -> flow.refund(AS_ALICE, paid.id(), 1_001, TestRequest.of("user:9937:r2")),
				"REFUND_EXCEEDS_PAYMENT", 422);
		assertThat(refunds.all()).hasSize(1);
	}

	@Test
	void onlyASucceededPaymentIsRefunded() {
		Payment pending = payment(1_337, PaymentStatus.PENDING);
		Payment failed = payment(1_437, PaymentStatus.FAILED);

		assertProblem(() -> flow.refund(AS_ALICE, pending.id(), 100, TestRequest.of("user:9937:r1")),
				"PAYMENT_NOT_REFUNDABLE", 409);
		assertProblem(() -> flow.refund(AS_ALICE, failed.id(), 100, TestRequest.of("user:9937:r2")),
				"PAYMENT_NOT_REFUNDABLE", 409);
		assertThat(refunds.all()).isEmpty();
		verifyNoInteractions(ledger);
	}

	@Test
	void anotherUsersPaymentIsAsUnknownAsOneThatDoesNotExist() {
		Caller mallory = Caller.user(new UserId(6_612), Set.of(Role.USER));

		assertProblem(() -> flow.refund(mallory, paid.id(), 100, TestRequest.of("user:6612:r1")), "PAYMENT_NOT_FOUND",
				404);
		assertProblem(() -> flow.refund(AS_ALICE, new PaymentId(8_837), 100, TestRequest.of("user:9937:r1")),
				"PAYMENT_NOT_FOUND", 404);
		verifyNoInteractions(ledger);
	}

	@Test
	void aRefundTheLedgerCannotPostIsVoidedAndFailsAndFreesItsAmount() {
		given(ledger.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.INSUFFICIENT_FUNDS, Settled.POSTED);
		given(ledger.voidReference(anyString(), eq(ALICE.shard()))).willReturn(Settled.VOIDED);

		Refund refused = flow.refund(AS_ALICE, paid.id(), 3_000, TestRequest.of("user:9937:r1"));

		assertThat(refused.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(refused.failureCode()).isEqualTo("NOT_COMPLETED");
		verify(ledger).voidReference(refused.postingReference(), ALICE.shard());
		verify(outbox, never()).append(any());
		assertThat(paid.refundedAmount()).isZero();
		assertThat(flow.refund(AS_ALICE, paid.id(), 3_000, TestRequest.of("user:9937:r2")).status())
			.isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aRetryWithTheSameKeyResumesTheSameRefundAndReservesNothingMore() {
		given(ledger.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList()))
			.willThrow(new ZoneUnreachable("down"));
		assertProblem(() -> flow.refund(AS_ALICE, paid.id(), 3_000, TestRequest.of("user:9937:r1")), "ZONE_UNAVAILABLE",
				503);

		willReturn(Settled.POSTED).given(ledger)
			.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList());
		Refund resumed = flow.refund(AS_ALICE, paid.id(), 3_000, TestRequest.of("user:9937:r1"));

		assertThat(resumed.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(refunds.all()).singleElement().isSameAs(resumed);
		assertThat(paid.refundedAmount()).isEqualTo(3_000);
		assertThat(flow.refund(AS_ALICE, paid.id(), 3_000, TestRequest.of("user:9937:r1"))).isSameAs(resumed);
		verify(ledger, times(2)).post(anyString(), any(), any(), anyList());
	}

	@Test
	void theReconcilerSettlesARefundLeftPendingFromTheLedgersAnswer() {
		given(ledger.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList()))
			.willThrow(new ZoneUnreachable("down"));
		assertProblem(() -> flow.refund(AS_ALICE, paid.id(), 1_000, TestRequest.of("user:9937:r1")), "ZONE_UNAVAILABLE",
				503);
		assertProblem(() -> flow.refund(AS_ALICE, paid.id(), 2_000, TestRequest.of("user:9937:r2")), "ZONE_UNAVAILABLE",
				503);
		Refund posted = refunds.findByRequestKey("user:9937:r1").orElseThrow();
		Refund lost = refunds.findByRequestKey("user:9937:r2").orElseThrow();
		given(ledger.find(posted.postingReference())).willReturn(Optional.of(Settled.POSTED));
		given(ledger.find(lost.postingReference())).willReturn(Optional.empty());
		given(ledger.voidReference(lost.postingReference(), ALICE.shard())).willReturn(Settled.VOIDED);

		flow.reconcile(posted);
		flow.reconcile(lost);

		assertThat(posted.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(lost.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(paid.refundedAmount()).isEqualTo(1_000);
		// What the lost refund had set aside is free again.
		willReturn(Settled.POSTED).given(ledger)
			.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList());
		assertThat(flow.refund(AS_ALICE, paid.id(), 2_000, TestRequest.of("user:9937:r3")).status())
			.isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aRefundIsShownOnlyWithItsOwnPaymentAndToItsPayer() {
		given(ledger.post(anyString(), eq(PostingKind.REFUND), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.POSTED);
		Refund refund = flow.refund(AS_ALICE, paid.id(), 1_000, TestRequest.of("user:9937:r1"));

		assertThat(flow.find(AS_ALICE, paid.id(), refund.id())).containsSame(refund);
		assertThat(flow.find(AS_ALICE, payment(1_337, PaymentStatus.SUCCEEDED).id(), refund.id())).isEmpty();
		assertThat(flow.find(Caller.user(new UserId(6_612), Set.of(Role.USER)), paid.id(), refund.id())).isEmpty();
	}

	private Payment payment(long id, PaymentStatus status) {
		return payments.stored(new PaymentId(id), new OrderId(id + 1_000), ALICE, TEA_HOUSE, Money.of(3_000, "CNY"),
				status, clock.instant());
	}

	private List<RefundSucceeded> succeededEvents() {
		ArgumentCaptor<OutboxEvent> appended = ArgumentCaptor.forClass(OutboxEvent.class);
		verify(outbox, times(2)).append(appended.capture());
		return appended.getAllValues().stream().map(event -> (RefundSucceeded) event.payload()).toList();
	}

	private static void assertProblem(ThrowingCallable call, String code, int status) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
			assertThat(problem.problem().code()).isEqualTo(code);
			assertThat(problem.problem().status()).isEqualTo(status);
		});
	}

}
