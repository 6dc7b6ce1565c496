package io.zonepay.account.ledger;

import java.util.List;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.AccountWebMvcTest;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.zonepay.account.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user's deposits and balances as clients see them; another user's money looks like no
 * user at all.
 */
@AccountWebMvcTest(BalanceController.class)
class BalanceControllerTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final String DEPOSITS = "/api/users/9937/deposits";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Deposits deposits;

	@Test
	void aDepositIsCreatedWithTheBalanceItLeft() throws Exception {
		given(deposits.deposit(ALICE, Money.of(500, "CNY")))
			.willReturn(new Deposits.Deposit(new PostingId(7_737), ALICE, Money.of(500, "CNY"), 1_500));

		deposit(ALICE, "d1", "{\"amount\": 500, \"currency\": \"CNY\"}").andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Location"))
			.andExpect(jsonPath("$.depositId").value("7737"))
			.andExpect(jsonPath("$.balance").value(1_500));
	}

	@Test
	void anotherUsersAccountIsNotFoundAndNothingIsDeposited() throws Exception {
		deposit(new UserId(6_612), "d1", "{\"amount\": 500, \"currency\": \"CNY\"}")
			.andExpect(problem(404, "USER_NOT_FOUND"));
		mvc.perform(get("/api/users/9937/balances").header("X-ZonePay-Caller",
				TestCallers.user(6_612, "GET", "/api/users/9937/balances")))
			.andExpect(problem(404, "USER_NOT_FOUND"));
		verifyNoInteractions(deposits);
	}

	@Test
	void onlyAPositiveAmountOfAnAcceptedCurrencyIsDeposited() throws Exception {
		deposit(ALICE, "d1", "{\"amount\": 500, \"currency\": \"EUR\"}").andExpect(problem(400, "UNKNOWN_CURRENCY"));
		deposit(ALICE, "d2", "{\"amount\": 0, \"currency\": \"CNY\"}").andExpect(problem(400, "VALIDATION_FAILED"));
		deposit(ALICE, "d3", "{\"amount\": 500}").andExpect(problem(400, "VALIDATION_FAILED"));
		verifyNoInteractions(deposits);
	}

	@Test
	void aDepositAboveTheLimitIsOutOfRange() throws Exception {
		given(deposits.deposit(any(), any()))
			.willThrow(new ProblemException(AccountProblem.AMOUNT_OUT_OF_RANGE, "at most"));

		deposit(ALICE, "d1", "{\"amount\": 500000000, \"currency\": \"CNY\"}")
			.andExpect(problem(400, "AMOUNT_OUT_OF_RANGE"));
	}

	@Test
	void aDepositWithoutAnIdempotencyKeyIsRefused() throws Exception {
		deposit(ALICE, null, "{\"amount\": 500, \"currency\": \"CNY\"}")
			.andExpect(problem(400, "IDEMPOTENCY_KEY_MISSING"));
		verifyNoInteractions(deposits);
	}

	@Test
	void aUserSeesTheirBalancesInEachCurrency() throws Exception {
		given(deposits.balances(ALICE)).willReturn(List.of(Money.of(1_500, "CNY"), Money.of(5, "USD")));

		mvc.perform(get("/api/users/9937/balances").header("X-ZonePay-Caller",
				TestCallers.user(9_937, "GET", "/api/users/9937/balances")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.balances[0].available").value(1_500))
			.andExpect(jsonPath("$.balances[1].currency").value("USD"));
	}

	private ResultActions deposit(UserId caller, String key, String body) throws Exception {
		var request = post(DEPOSITS).header("X-ZonePay-Caller", TestCallers.user(caller.value(), "POST", DEPOSITS))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
		return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
	}

}
