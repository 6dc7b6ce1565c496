package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.zonepay.account.AccountProblem;
import io.zonepay.account.AccountWebMvcTest;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.testkit.TestCallers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static io.zonepay.account.ProblemResults.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The ledger's API for the zone's other services: 201 for a new posting, 200 for the same
 * one again, system callers only.
 */
@AccountWebMvcTest(PostingController.class)
class PostingControllerTests {

	private static final String PAYMENT = "{\"reference\": \"payment:1237\", \"kind\": \"PAYMENT\", "
			+ "\"shard\": 37, \"legs\": ["
			+ "{\"account\": \"USER\", \"owner\": \"9937\", \"currency\": \"CNY\", \"amount\": -3000},"
			+ "{\"account\": \"MERCHANT\", \"owner\": \"9001\", \"currency\": \"CNY\", \"amount\": 3000}]}";

	private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Postings postings;

	@Test
	void aNewPostingIsCreatedAndTheSameOneAgainIsAnsweredAsIs() throws Exception {
		given(postings.post(any())).willReturn(new Ledger.Posted(posted(), true), new Ledger.Posted(posted(), false));

		post(Caller.system(), "/internal/postings", PAYMENT).andExpect(status().isCreated())
			.andExpect(jsonPath("$.state").value("POSTED"))
			.andExpect(jsonPath("$.entries[0].amount").value(-3_000))
			.andExpect(jsonPath("$.entries[0].balanceAfter").value(500));
		post(Caller.system(), "/internal/postings", PAYMENT).andExpect(status().isOk())
			.andExpect(jsonPath("$.postingId").value("7737"));
	}

	@Test
	void postingsAreForZonePaysOwnServicesOnly() throws Exception {
		post(Caller.user(new UserId(9_937), Set.of(Role.USER)), "/internal/postings", PAYMENT)
			.andExpect(problem(403, "FORBIDDEN"));
		verifyNoInteractions(postings);
	}

	@Test
	void aPostingWithOneLegOrABadReferenceIsInvalid() throws Exception {
		post(Caller.system(), "/internal/postings", PAYMENT.replace("payment:1237", "payment 1237"))
			.andExpect(problem(400, "VALIDATION_FAILED"));
		post(Caller.system(), "/internal/postings",
				"{\"reference\": \"payment:1237\", \"kind\": \"PAYMENT\", \"shard\": 37, \"legs\": ["
						+ "{\"account\": \"USER\", \"owner\": \"9937\", \"currency\": \"CNY\", \"amount\": -3000}]}")
			.andExpect(problem(400, "VALIDATION_FAILED"));
		post(Caller.system(), "/internal/postings", PAYMENT.replace("\"shard\": 37", "\"shard\": 100"))
			.andExpect(problem(400, "VALIDATION_FAILED"));
		verifyNoInteractions(postings);
	}

	@Test
	void theLedgersRefusalsAreAnsweredWithTheirCodes() throws Exception {
		given(postings.post(any())).willThrow(new ProblemException(AccountProblem.INSUFFICIENT_FUNDS, "holds less"),
				new ProblemException(AccountProblem.POSTING_VOIDED, "voided"),
				new ProblemException(AccountProblem.POSTING_MISMATCH, "other legs"));

		post(Caller.system(), "/internal/postings", PAYMENT).andExpect(problem(422, "INSUFFICIENT_FUNDS"));
		post(Caller.system(), "/internal/postings", PAYMENT).andExpect(problem(409, "POSTING_VOIDED"));
		post(Caller.system(), "/internal/postings", PAYMENT).andExpect(problem(422, "POSTING_MISMATCH"));
	}

	@Test
	void aReferenceIsLookedUpOrVoidedInAShardThatExists() throws Exception {
		given(postings.find("payment:1237")).willThrow(new ProblemException(AccountProblem.POSTING_NOT_FOUND, "none"));
		given(postings.voidReference("payment:1237", Shard.of(37)))
			.willReturn(new PostingRecord(new PostingId(7_837), "payment:1237", PostingKind.VOID, AT, List.of()));

		mvc.perform(get("/internal/postings/payment:1237").header("X-ZonePay-Caller",
				TestCallers.sign(Caller.system(), "GET", "/internal/postings/payment:1237", null)))
			.andExpect(problem(404, "POSTING_NOT_FOUND"));
		post(Caller.system(), "/internal/postings/payment:1237/void", "{\"shard\": 37}").andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("VOIDED"));
		post(Caller.system(), "/internal/postings/payment:1237/void", "{\"shard\": 100}")
			.andExpect(problem(400, "VALIDATION_FAILED"));
	}

	private static PostingRecord posted() {
		CurrencyCode cny = CurrencyCode.of("CNY");
		return new PostingRecord(new PostingId(7_737), "payment:1237", PostingKind.PAYMENT, AT,
				List.of(new PostedEntry(AccountKey.user(new UserId(9_937), cny), -3_000, 500),
						new PostedEntry(AccountKey.merchant(new MerchantId(9_001), cny, Shard.of(37)), 3_000, 3_000)));
	}

	private ResultActions post(Caller caller, String path, String body) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.post(path)
			.header("X-ZonePay-Caller", TestCallers.sign(caller, "POST", path, null))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
