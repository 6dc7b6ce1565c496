package io.zonepay.payment.transfer;

import java.time.Instant;
import java.util.Optional;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/transfers} and {@code GET /api/transfers/{id}} as clients see them.
 */
@PaymentWebMvcTest(TransferController.class)
class TransferControllerTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final UserId BOB = new UserId(8_812);

	private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TransferFlow flow;

	@MockitoBean
	Transfers transfers;

	@Test
	void aTransferIsAcceptedWhereItsLocationSaysAndShownPendingWhileInTransit() throws Exception {
		Transfer transfer = transfer();
		transfer.markDebited(AT);
		given(flow.transfer(ALICE, BOB, Money.of(500, "CNY"), "user:9937:t1")).willReturn(transfer);

		send(ALICE, "t1", "{\"toUserId\": \"8812\", \"amount\": 500, \"currency\": \"CNY\"}")
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/transfers/1237"))
			.andExpect(jsonPath("$.transferId").value("1237"))
			.andExpect(jsonPath("$.fromUserId").value("9937"))
			.andExpect(jsonPath("$.toUserId").value("8812"))
			.andExpect(jsonPath("$.status").value("PENDING"));
	}

	@Test
	void aCurrencyZonePayDoesNotAcceptIsRefusedBeforeAnythingHappens() throws Exception {
		send(ALICE, "t1", "{\"toUserId\": \"8812\", \"amount\": 500, \"currency\": \"EUR\"}")
			.andExpect(problem(400, "UNKNOWN_CURRENCY"));
		send(ALICE, "t2", "{\"toUserId\": \"8812\", \"amount\": 500, \"currency\": \"cny\"}")
			.andExpect(problem(400, "VALIDATION_FAILED"));
		verifyNoInteractions(flow);
	}

	@Test
	void onlyAPositiveAmountToSomeoneIsSent() throws Exception {
		send(ALICE, "t1", "{\"toUserId\": \"8812\", \"amount\": 0, \"currency\": \"CNY\"}")
			.andExpect(problem(400, "VALIDATION_FAILED"));
		send(ALICE, "t2", "{\"amount\": 500, \"currency\": \"CNY\"}").andExpect(problem(400, "VALIDATION_FAILED"))
			.andExpect(jsonPath("$.errors[0].field").value("toUserId"));
		verifyNoInteractions(flow);
	}

	@Test
	void theFlowsRefusalsAreAnsweredWithTheirCodes() throws Exception {
		given(flow.transfer(any(), any(), any(), any()))
			.willThrow(new ProblemException(PaymentProblem.TRANSFER_TO_SELF, "to self"));

		send(ALICE, "t1", "{\"toUserId\": \"9937\", \"amount\": 500, \"currency\": \"CNY\"}")
			.andExpect(problem(422, "TRANSFER_TO_SELF"));
	}

	@Test
	void aTransferWithoutAnIdempotencyKeyOrAUserIsRefused() throws Exception {
		send(ALICE, null, "{\"toUserId\": \"8812\", \"amount\": 500, \"currency\": \"CNY\"}")
			.andExpect(problem(400, "IDEMPOTENCY_KEY_MISSING"));
		mvc.perform(
				post("/api/transfers").header("X-ZonePay-Caller", TestCallers.anonymous("POST", "/api/transfers", null))
					.header("Idempotency-Key", "t1")
					.contentType(MediaType.APPLICATION_JSON)
					.content("{\"toUserId\": \"8812\", \"amount\": 500, \"currency\": \"CNY\"}"))
			.andExpect(problem(401, "UNAUTHENTICATED"));
		verifyNoInteractions(flow);
	}

	@Test
	void onlyItsPayerSeesATransferNotEvenItsPayee() throws Exception {
		given(transfers.findById(new TransferId(1_237))).willReturn(Optional.of(transfer()));

		read(ALICE, "/api/transfers/1237").andExpect(status().isOk()).andExpect(jsonPath("$.amount").value(500));
		read(BOB, "/api/transfers/1237").andExpect(problem(404, "TRANSFER_NOT_FOUND"));
	}

	private static Transfer transfer() {
		return Transfer.pending(new TransferId(1_237), ALICE, BOB, Money.of(500, "CNY"), TransferRoute.CROSS_GROUP,
				"user:9937:t1", AT);
	}

	private ResultActions send(UserId payer, String key, String body) throws Exception {
		var request = post("/api/transfers")
			.header("X-ZonePay-Caller", TestCallers.user(payer.value(), "POST", "/api/transfers"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
	}

	private ResultActions read(UserId caller, String path) throws Exception {
		return mvc.perform(get(path).header("X-ZonePay-Caller", TestCallers.user(caller.value(), "GET", path)));
	}

}
