package io.zonepay.payment.payment;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.OrderId;
import io.zonepay.kernel.id.PaymentId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.payment.PaymentProblem;
import io.zonepay.payment.PaymentWebMvcTest;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.zonepay.payment.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/payments} and {@code GET /api/payments/{id}} as clients see them:
 * statuses, problem codes, headers.
 */
@PaymentWebMvcTest(PaymentController.class)
class PaymentControllerTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PaymentFlow flow;

	@MockitoBean
	Payments payments;

	@Test
	void aDecidedPaymentIsCreatedWhereItsLocationSays() throws Exception {
		given(flow.pay(eq(ALICE), eq(new OrderId(2_237)),
				argThat(request -> request.requestKey().equals("user:9937:k1"))))
			.willReturn(payment(PaymentStatus.SUCCEEDED));

		pay(ALICE, "k1", "{\"orderId\": \"2237\"}").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/payments/1237"))
			.andExpect(jsonPath("$.paymentId").value("1237"))
			.andExpect(jsonPath("$.orderId").value("2237"))
			.andExpect(jsonPath("$.amount").value(3_000))
			.andExpect(jsonPath("$.currency").value("CNY"))
			.andExpect(jsonPath("$.status").value("SUCCEEDED"));
	}

	@Test
	void aRefusedPaymentIsCreatedTooWithItsFailureCode() throws Exception {
		Payment refused = Payment.refused(new PaymentId(1_237), new OrderId(2_237), ALICE, new MerchantId(9_001),
				Money.of(3_000, "CNY"), "k", FailureCode.LIMIT_EXCEEDED, AT);
		given(flow.pay(any(), any(), any())).willReturn(refused);

		pay(ALICE, "k1", "{\"orderId\": \"2237\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("FAILED"))
			.andExpect(jsonPath("$.failureCode").value("LIMIT_EXCEEDED"));
	}

	@Test
	void aPaymentWithoutAnIdempotencyKeyIsRefusedBeforeAnythingHappens() throws Exception {
		pay(ALICE, null, "{\"orderId\": \"2237\"}").andExpect(problem(400, "IDEMPOTENCY_KEY_MISSING"));
		verifyNoInteractions(flow);
	}

	@Test
	void aRequestNoGatewayVouchedForIsUnauthenticated() throws Exception {
		mvc.perform(post("/api/payments").header("Idempotency-Key", "k1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"orderId\": \"2237\"}")).andExpect(problem(401, "UNAUTHENTICATED"));
		mvc.perform(
				post("/api/payments").header("X-ZonePay-Caller", TestCallers.anonymous("POST", "/api/payments", null))
					.header("Idempotency-Key", "k1")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"orderId\": \"2237\"}"))
			.andExpect(problem(401, "UNAUTHENTICATED"));
		verifyNoInteractions(flow);
	}

	@Test
	void aBodyWithoutAnOrderIdOrWithOneThatIsNoIdIsInvalid() throws Exception {
		pay(ALICE, "k1", "{}").andExpect(problem(400, "VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("orderId"));
		pay(ALICE, "k2", "{\"orderId\": \"abc\"}").andExpect(problem(400, "VALIDATION_FAILED"));
		verifyNoInteractions(flow);
	}

	@Test
	void theFlowsRefusalsAreAnsweredWithTheirCodes() throws Exception {
		given(flow.pay(any(), any(), any()))
			.willThrow(new ProblemException(PaymentProblem.ORDER_ALREADY_PAID, "paid", Map.of("paymentId", "1137")));
		pay(ALICE, "k1", "{\"orderId\": \"2237\"}").andExpect(problem(409, "ORDER_ALREADY_PAID"))
			.andExpect(jsonPath("$.paymentId").value("1137"));

		willThrow(new ProblemException(PaymentProblem.ORDER_NOT_FOUND, "no such order")).given(flow)
			.pay(any(), any(), any());
		pay(ALICE, "k2", "{\"orderId\": \"2237\"}").andExpect(problem(404, "ORDER_NOT_FOUND"));

		willThrow(new ProblemException(PaymentProblem.PAYMENTS_PAUSED, "paused")).given(flow).pay(any(), any(), any());
		pay(ALICE, "k3", "{\"orderId\": \"2237\"}").andExpect(problem(503, "PAYMENTS_PAUSED"));
	}

	@Test
	void aLedgerThatDidNotAnswerIsRetryLaterWithThePendingPaymentNamed() throws Exception {
		given(flow.pay(any(), any(), any())).willThrow(new ProblemException(CommonProblem.ZONE_UNAVAILABLE,
				"the ledger did not answer", Map.of("paymentId", "1237")));

		pay(ALICE, "k1", "{\"orderId\": \"2237\"}").andExpect(problem(503, "ZONE_UNAVAILABLE"))
			.andExpect(jsonPath("$.paymentId").value("1237"));
	}

	@Test
	void aPaymentIsShownToItsPayerOnlyAndToAnyoneElseIsNotFound() throws Exception {
		given(payments.findById(new PaymentId(1_237))).willReturn(Optional.of(payment(PaymentStatus.SUCCEEDED)));

		read(ALICE, "/api/payments/1237").andExpect(status().isOk())
			.andExpect(jsonPath("$.paymentId").value("1237"))
			.andExpect(jsonPath("$.refundedAmount").value(0));
		read(new UserId(6_612), "/api/payments/1237").andExpect(problem(404, "PAYMENT_NOT_FOUND"));
		read(ALICE, "/api/payments/1337").andExpect(problem(404, "PAYMENT_NOT_FOUND"));
		read(ALICE, "/api/payments/abc").andExpect(problem(400, "VALIDATION_FAILED"));
	}

	private ResultActions pay(UserId payer, String key, String body) throws Exception {
		var request = post("/api/payments")
			.header("X-ZonePay-Caller", TestCallers.user(payer.value(), "POST", "/api/payments"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
	}

	private ResultActions read(UserId caller, String path) throws Exception {
		return mvc.perform(get(path).header("X-ZonePay-Caller", TestCallers.user(caller.value(), "GET", path)));
	}

	private static Payment payment(PaymentStatus status) {
		return new InMemoryPayments().stored(new PaymentId(1_237), new OrderId(2_237), ALICE, new MerchantId(9_001),
				Money.of(3_000, "CNY"), status, AT);
	}

}
