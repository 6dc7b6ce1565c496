package io.zonepay.payment.refund;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.id.PaymentId;
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
import static org.mockito.ArgumentMatchers.anyLong;
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

/** {@code POST /api/payments/{id}/refunds} and its read, as clients see them. */
@PaymentWebMvcTest(RefundController.class)
class RefundControllerTests {

	private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

	private static final String REFUNDS = "/api/payments/1237/refunds";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RefundFlow flow;

	@Test
	void aRefundIsCreatedWhereItsLocationSays() throws Exception {
		Refund refund = new Refund(new RefundId(5_537), new PaymentId(1_237), 1_000, "user:9937:r1", AT);
		refund.succeed(AT);
		given(flow.refund(any(), eq(new PaymentId(1_237)), eq(1_000L),
				argThat(request -> request.requestKey().equals("user:9937:r1"))))
			.willReturn(refund);

		refund("r1", "{\"amount\": 1000}").andExpect(status().isCreated())
			.andExpect(header().string("Location", REFUNDS + "/5537"))
			.andExpect(jsonPath("$.refundId").value("5537"))
			.andExpect(jsonPath("$.paymentId").value("1237"))
			.andExpect(jsonPath("$.amount").value(1_000))
			.andExpect(jsonPath("$.status").value("SUCCEEDED"));
	}

	@Test
	void aRefundAboveWhatWasPaidIsUnprocessableAndSaysWhatWasRefunded() throws Exception {
		given(flow.refund(any(), any(), anyLong(), any())).willThrow(new ProblemException(
				PaymentProblem.REFUND_EXCEEDS_PAYMENT, "too much", Map.of("refundedAmount", 2_500L)));

		refund("r1", "{\"amount\": 1000}").andExpect(problem(422, "REFUND_EXCEEDS_PAYMENT"))
			.andExpect(jsonPath("$.refundedAmount").value(2_500));
	}

	@Test
	void aPaymentThatDidNotSucceedIsNotRefundableAndAnotherUsersIsNotFound() throws Exception {
		given(flow.refund(any(), any(), anyLong(), any()))
			.willThrow(new ProblemException(PaymentProblem.PAYMENT_NOT_REFUNDABLE, "pending"));
		refund("r1", "{\"amount\": 1000}").andExpect(problem(409, "PAYMENT_NOT_REFUNDABLE"));

		willThrow(new ProblemException(PaymentProblem.PAYMENT_NOT_FOUND, "none")).given(flow)
			.refund(any(), any(), anyLong(), any());
		refund("r2", "{\"amount\": 1000}").andExpect(problem(404, "PAYMENT_NOT_FOUND"));
	}

	@Test
	void onlyAPositiveWholeAmountIsRefunded() throws Exception {
		refund("r1", "{\"amount\": 0}").andExpect(problem(400, "VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("amount"));
		refund("r2", "{\"amount\": -1}").andExpect(problem(400, "VALIDATION_FAILED"));
		refund("r3", "{}").andExpect(problem(400, "VALIDATION_FAILED"));
		refund("r4", "{\"amount\": \"ten\"}").andExpect(problem(400, "VALIDATION_FAILED"));
		verifyNoInteractions(flow);
	}

	@Test
	void aRefundWithoutAnIdempotencyKeyIsRefusedBeforeAnythingHappens() throws Exception {
		refund(null, "{\"amount\": 1000}").andExpect(problem(400, "IDEMPOTENCY_KEY_MISSING"));
		verifyNoInteractions(flow);
	}

	@Test
	void aRefundIsReadUnderItsPaymentOrIsNotFound() throws Exception {
		Refund refund = new Refund(new RefundId(5_537), new PaymentId(1_237), 1_000, "user:9937:r1", AT);
		given(flow.find(any(), eq(new PaymentId(1_237)), eq(new RefundId(5_537)))).willReturn(Optional.of(refund));

		read(REFUNDS + "/5537").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"));
		read(REFUNDS + "/5637").andExpect(problem(404, "REFUND_NOT_FOUND"));
		read(REFUNDS + "/x").andExpect(problem(400, "VALIDATION_FAILED"));
	}

	private ResultActions refund(String key, String body) throws Exception {
		var request = post(REFUNDS).header("X-ZonePay-Caller", TestCallers.user(9_937, "POST", REFUNDS))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
	}

	private ResultActions read(String path) throws Exception {
		return mvc.perform(get(path).header("X-ZonePay-Caller", TestCallers.user(9_937, "GET", path)));
	}

}
