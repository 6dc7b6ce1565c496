package io.zonepay.payment.payment;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.TestRequest;
import io.zonepay.payment.payment.PaymentEvents.PaymentSucceeded;
import io.zonepay.payment.zone.LedgerClient.AccountKind;
import io.zonepay.payment.zone.LedgerClient.Leg;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.ZoneUnreachable;
import io.zonepay.service.outbox.OutboxEvent;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willReturn;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * What a payment request decides: refusals before any money moves, the ledger's answer
 * afterwards, and that nothing is ever SUCCEEDED without its posting nor FAILED while its
 * posting may still happen.
 */
class PaymentFlowTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final UserId MALLORY = new UserId(6_612);

	private static final MerchantId TEA_HOUSE = new MerchantId(9_001);

	private static final OrderId ORDER = new OrderId(2_237);

	private static final String KEY = "user:9937:k1";

	private final PaymentFlowFixture fixture = new PaymentFlowFixture();

	private final PaymentFlow flow = fixture.flow;

	PaymentFlowTests() {
		fixture.merchant(TEA_HOUSE, "ACTIVE");
		fixture.order(ORDER, ALICE, TEA_HOUSE, 3_000, "CREATED");
	}

	@Test
	void movesThePayersMoneyToTheMerchantAndRecordsTheSuccessWithItsEvent() {
		given(fixture.ledger.post(anyString(), eq(PostingKind.PAYMENT), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.POSTED);

		TestRequest<Payment> request = request(KEY);
		Payment payment = flow.pay(ALICE, ORDER, request);

		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(payment.failureCode()).isNull();
		assertThat(request.claims()).isOne();
		assertThat(request.answers()).containsExactly(payment);
		assertThat(payment.createdAt()).isEqualTo(fixture.clock.instant());
		verify(fixture.ledger).post("payment:" + payment.id(), PostingKind.PAYMENT, ALICE.shard(), List
			.of(new Leg(AccountKind.USER, "9937", "CNY", -3_000), new Leg(AccountKind.MERCHANT, "9001", "CNY", 3_000)));
		verify(fixture.events).publishEvent(new PaymentPosted(payment.id()));
		OutboxEvent event = appended();
		assertThat(event.type()).isEqualTo("PaymentSucceeded");
		assertThat(event.shard()).isEqualTo(ALICE.shard());
		assertThat(event.key()).isEqualTo(ORDER.toString());
		assertThat((PaymentSucceeded) event.payload()).extracting(PaymentSucceeded::amount, PaymentSucceeded::currency)
			.containsExactly(3_000L, "CNY");
	}

	@Test
	void refusesAnInactiveMerchantWithNoMoneyMoved() {
		fixture.merchant(TEA_HOUSE, "SUSPENDED");

		assertRefusedWithNothingPosted(flow.pay(ALICE, ORDER, request(KEY)), FailureCode.MERCHANT_INACTIVE);
	}

	@Test
	void refusesAMerchantTheCzoneDoesNotKnow() {
		fixture.order(ORDER, ALICE, new MerchantId(9_099), 3_000, "CREATED");

		assertRefusedWithNothingPosted(flow.pay(ALICE, ORDER, request(KEY)), FailureCode.MERCHANT_INACTIVE);
	}

	@Test
	void refusesAnAmountAboveThePaymentLimitOfItsCurrencyButTakesOneAtTheLimit() {
		fixture.switches(Map.of("payments.maxAmount.CNY", "2999"));
		assertRefusedWithNothingPosted(flow.pay(ALICE, ORDER, request(KEY)), FailureCode.LIMIT_EXCEEDED);

		fixture.switches(Map.of("payments.maxAmount.CNY", "3000"));
		given(fixture.ledger.post(anyString(), any(), any(), anyList())).willReturn(Settled.POSTED);
		assertThat(flow.pay(ALICE, ORDER, request("user:9937:k2")).status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void refusesWhatTheRiskRulesRefuse() {
		OrderId large = new OrderId(3_337);
		fixture.order(large, ALICE, TEA_HOUSE, 10_001, "CREATED");

		assertRefusedWithNothingPosted(flow.pay(ALICE, large, request(KEY)), FailureCode.RISK_REJECTED);
	}

	@Test
	void refusesAFourthPaymentOfOnePayerWithinTheVelocityWindowAtTheClocksTime() {
		given(fixture.ledger.post(anyString(), any(), any(), anyList())).willReturn(Settled.POSTED);
		for (int i = 1; i <= 3; i++) {
			OrderId order = new OrderId(4_037 + i * 100);
			fixture.order(order, ALICE, TEA_HOUSE, 100, "CREATED");
			assertThat(flow.pay(ALICE, order, request("user:9937:v" + i)).status()).isEqualTo(PaymentStatus.SUCCEEDED);
			fixture.clock.advance(Duration.ofSeconds(10));
		}

		assertRefusedWithNothingPostedAgain(flow.pay(ALICE, ORDER, request(KEY)), FailureCode.RISK_REJECTED);

		// The refused attempt counts too: 71 s after the first payment, only the one at
		// 20 s and the refusal at 30 s are
		// within the minute.
		fixture.clock.advance(Duration.ofSeconds(41));
		OrderId later = new OrderId(5_037);
		fixture.order(later, ALICE, TEA_HOUSE, 100, "CREATED");
		assertThat(flow.pay(ALICE, later, request("user:9937:k2")).status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void withTheRiskModeOffEvenALargePaymentGoesThrough() {
		fixture.switches(Map.of("risk.mode", "OFF"));
		OrderId large = new OrderId(3_337);
		fixture.order(large, ALICE, TEA_HOUSE, 10_001, "CREATED");
		given(fixture.ledger.post(anyString(), any(), any(), anyList())).willReturn(Settled.POSTED);

		assertThat(flow.pay(ALICE, large, request(KEY)).status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aZoneThatTakesNoPaymentsRefusesBeforeRecordingAnything() {
		fixture.switches(Map.of("zone.rz1.acceptingPayments", "false"));

		assertProblem(() -> flow.pay(ALICE, ORDER, request(KEY)), "PAYMENTS_PAUSED", 503);
		assertThat(fixture.payments.all()).isEmpty();
		verifyNoInteractions(fixture.ledger);
	}

	@Test
	void withoutTheMoneyTheReferenceIsVoidedBeforeThePaymentFails() {
		given(fixture.ledger.post(anyString(), eq(PostingKind.PAYMENT), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.INSUFFICIENT_FUNDS);
		given(fixture.ledger.voidReference(anyString(), eq(ALICE.shard()))).willReturn(Settled.VOIDED);

		Payment payment = flow.pay(ALICE, ORDER, request(KEY));

		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
		verify(fixture.ledger).voidReference("payment:" + payment.id(), ALICE.shard());
		verify(fixture.outbox, never()).append(any());
	}

	@Test
	void aPostingThatAnEarlierAttemptMadeAfterAllWinsOverTheRefusal() {
		given(fixture.ledger.post(anyString(), eq(PostingKind.PAYMENT), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.INSUFFICIENT_FUNDS);
		given(fixture.ledger.voidReference(anyString(), eq(ALICE.shard()))).willReturn(Settled.POSTED);

		Payment payment = flow.pay(ALICE, ORDER, request(KEY));

		assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(appended().type()).isEqualTo("PaymentSucceeded");
	}

	@Test
	void aLedgerThatDoesNotAnswerLeavesThePaymentPendingUntilTheRetryCompletesIt() {
		given(fixture.ledger.post(anyString(), eq(PostingKind.PAYMENT), eq(ALICE.shard()), anyList()))
			.willThrow(new ZoneUnreachable("down"));

		assertProblem(() -> flow.pay(ALICE, ORDER, request(KEY)), "ZONE_UNAVAILABLE", 503);
		assertThat(fixture.payments.all()).singleElement().extracting(Payment::status).isEqualTo(PaymentStatus.PENDING);
		verify(fixture.ledger, never()).voidReference(anyString(), any());

		willReturn(Settled.POSTED).given(fixture.ledger)
			.post(anyString(), eq(PostingKind.PAYMENT), eq(ALICE.shard()), anyList());
		Payment retried = flow.pay(ALICE, ORDER, request(KEY));

		assertThat(retried.status()).isEqualTo(PaymentStatus.SUCCEEDED);
		assertThat(fixture.payments.all()).singleElement().isSameAs(retried);
	}

	@Test
	void aRetryOfADecidedPaymentAnswersItAgainWithoutPostingTwice() {
		given(fixture.ledger.post(anyString(), any(), any(), anyList())).willReturn(Settled.POSTED);
		Payment first = flow.pay(ALICE, ORDER, request(KEY));

		Payment again = flow.pay(ALICE, ORDER, request(KEY));

		assertThat(again).isSameAs(first);
		verify(fixture.ledger, times(1)).post(anyString(), any(), any(), anyList());
		verify(fixture.outbox, times(1)).append(any());
	}

	@Test
	void anotherRequestForAPaidOrderIsRefusedAndOneForAnOrderBeingPaidToo() {
		given(fixture.ledger.post(anyString(), any(), any(), anyList())).willReturn(Settled.POSTED);
		Payment paid = flow.pay(ALICE, ORDER, request(KEY));

		assertProblem(() -> flow.pay(ALICE, ORDER, request("user:9937:k2")), "ORDER_ALREADY_PAID", 409);

		OrderId pending = new OrderId(7_737);
		fixture.order(pending, ALICE, TEA_HOUSE, 100, "CREATED");
		given(fixture.ledger.post(anyString(), any(), any(), anyList())).willThrow(new ZoneUnreachable("down"));
		assertProblem(() -> flow.pay(ALICE, pending, request("user:9937:k3")), "ZONE_UNAVAILABLE", 503);
		assertProblem(() -> flow.pay(ALICE, pending, request("user:9937:k4")), "PAYMENT_IN_PROGRESS", 409);
		assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void anOrderOfSomeoneElseIsAsUnknownAsAnOrderThatDoesNotExist() {
		assertProblem(() -> flow.pay(MALLORY, ORDER, request("user:6612:k1")), "ORDER_NOT_FOUND", 404);
		assertProblem(() -> flow.pay(ALICE, new OrderId(9_937), request(KEY)), "ORDER_NOT_FOUND", 404);
		assertThat(fixture.payments.all()).isEmpty();
	}

	@Test
	void anOrderThatIsNoLongerCreatedCannotBePaid() {
		fixture.order(ORDER, ALICE, TEA_HOUSE, 3_000, "CANCELLED");

		assertProblem(() -> flow.pay(ALICE, ORDER, request(KEY)), "ORDER_NOT_PAYABLE", 409);
		verifyNoInteractions(fixture.ledger);
	}

	@Test
	void aFailedPaymentLeavesTheOrderFreeToBePaidAgain() {
		given(fixture.ledger.post(anyString(), any(), any(), anyList())).willReturn(Settled.INSUFFICIENT_FUNDS,
				Settled.POSTED);
		given(fixture.ledger.voidReference(anyString(), any())).willReturn(Settled.VOIDED);
		assertThat(flow.pay(ALICE, ORDER, request(KEY)).status()).isEqualTo(PaymentStatus.FAILED);

		assertThat(flow.pay(ALICE, ORDER, request("user:9937:k2")).status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aPaymentRefusedByTheRulesIsAnsweredInTheTransactionThatRecordsIt() {
		fixture.merchant(TEA_HOUSE, "SUSPENDED");
		TestRequest<Payment> request = request(KEY);

		Payment refused = flow.pay(ALICE, ORDER, request);

		assertThat(request.claims()).isOne();
		assertThat(request.answers()).containsExactly(refused);
	}

	@Test
	void aRetryWhoseOrderItsOwnPaymentPaidSinceIsAnsweredWithThatPayment() {
		Payment paid = flow.pay(ALICE, ORDER, request(KEY));
		fixture.order(ORDER, ALICE, TEA_HOUSE, 3_000, "PAID");
		TestRequest<Payment> retry = request(KEY);

		assertThat(flow.pay(ALICE, ORDER, retry)).isSameAs(paid);
		assertThat(retry.answers()).containsExactly(paid);
		verify(fixture.ledger, times(1)).post(anyString(), any(), any(), anyList());
	}

	@Test
	void aRetryResumesItsPaymentEvenWhileOrderServiceCannotBeReached() {
		willThrow(new ZoneUnreachable("down")).given(fixture.ledger).post(anyString(), any(), any(), anyList());
		assertProblem(() -> flow.pay(ALICE, ORDER, request(KEY)), "ZONE_UNAVAILABLE", 503);
		given(fixture.orders.order(ORDER)).willThrow(new ZoneUnreachable("order-service is down"));
		willReturn(Settled.POSTED).given(fixture.ledger).post(anyString(), any(), any(), anyList());

		assertThat(flow.pay(ALICE, ORDER, request(KEY)).status()).isEqualTo(PaymentStatus.SUCCEEDED);
	}

	@Test
	void aNewPaymentWhoseOrderCannotBeReadRecordsNothing() {
		given(fixture.orders.order(ORDER)).willThrow(new ZoneUnreachable("order-service is down"));

		assertThatThrownBy(() -> flow.pay(ALICE, ORDER, request(KEY))).isInstanceOf(ZoneUnreachable.class);
		assertThat(fixture.payments.all()).isEmpty();
		verifyNoInteractions(fixture.ledger);
	}

	private static TestRequest<Payment> request(String key) {
		return TestRequest.of(key);
	}

	private void assertRefusedWithNothingPosted(Payment payment, FailureCode code) {
		assertRefusedWithNothingPostedAgain(payment, code);
		verifyNoInteractions(fixture.ledger);
	}

	/**
	 * Refused without a call to the ledger for it, whatever earlier payments of the test
	 * posted.
	 */
	private void assertRefusedWithNothingPostedAgain(Payment payment, FailureCode code) {
		assertThat(payment.status()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.failureCode()).isEqualTo(code.name());
		assertThat(fixture.payments.findById(payment.id())).containsSame(payment);
		verify(fixture.ledger, never()).post(eq(payment.postingReference()), any(), any(), anyList());
		verify(fixture.ledger, never()).voidReference(eq(payment.postingReference()), any());
	}

	private OutboxEvent appended() {
		ArgumentCaptor<OutboxEvent> appended = ArgumentCaptor.forClass(OutboxEvent.class);
		verify(fixture.outbox).append(appended.capture());
		return appended.getValue();
	}

	private static void assertProblem(ThrowingCallable call, String code, int status) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
			assertThat(problem.problem().code()).isEqualTo(code);
			assertThat(problem.problem().status()).isEqualTo(status);
		});
	}

}
