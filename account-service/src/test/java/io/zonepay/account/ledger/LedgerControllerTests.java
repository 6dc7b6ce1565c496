package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;

import io.zonepay.account.AccountWebMvcTest;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.UserId;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.zonepay.account.ProblemResults.problem;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/users/{id}/ledger}: a user's own entries, newest first, a bounded page
 * at a time.
 */
@AccountWebMvcTest(LedgerController.class)
class LedgerControllerTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final String LEDGER = "/api/users/9937/ledger";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Ledger ledger;

	@MockitoBean
	UserDirectory users;

	@Test
	void aUserReadsTheirOwnEntriesAPageAtATime() throws Exception {
		given(users.exists(ALICE)).willReturn(true);
		given(ledger.linesOf(ALICE, 50)).willReturn(List.of(new Ledger.LedgerLine(new EntryId(12), PostingKind.PAYMENT,
				-3_000, "CNY", 500, "payment:1237", Instant.parse("2026-11-11T00:00:00Z"))));

		read(ALICE, LEDGER).andExpect(status().isOk())
			.andExpect(jsonPath("$.entries[0].kind").value("PAYMENT"))
			.andExpect(jsonPath("$.entries[0].amount").value(-3_000))
			.andExpect(jsonPath("$.entries[0].balanceAfter").value(500));
		read(ALICE, LEDGER + "?limit=201").andExpect(problem(400, "VALIDATION_FAILED"));
		read(ALICE, LEDGER + "?limit=0").andExpect(problem(400, "VALIDATION_FAILED"));
	}

	@Test
	void anotherUsersLedgerLooksLikeNoUserAtAll() throws Exception {
		given(users.exists(ALICE)).willReturn(true);

		read(new UserId(6_612), LEDGER).andExpect(problem(404, "USER_NOT_FOUND"));
		read(new UserId(6_612), "/api/users/6612/ledger").andExpect(problem(404, "USER_NOT_FOUND"));
	}

	private ResultActions read(UserId caller, String uri) throws Exception {
		String path = uri.contains("?") ? uri.substring(0, uri.indexOf('?')) : uri;
		return mvc.perform(get(uri).header("X-ZonePay-Caller", TestCallers.user(caller.value(), "GET", path)));
	}

}
