package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;

import io.zonepay.account.ledger.PostingRequest.LegRequest;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A reference moves money once: posting it again answers the first posting only if it
 * moved the same money, and never brings a voided reference back. The ledger's SQL
 * (balances that never go below zero, the unique reference, the deferred balance trigger)
 * is a mock here; the integration tests run it on PostgreSQL.
 */
class PostingsTests {

	private static final CurrencyCode CNY = CurrencyCode.of("CNY");

	private static final UserId ALICE = new UserId(9_937);

	private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

	private final Ledger ledger = mock(Ledger.class);

	private final UserDirectory users = mock(UserDirectory.class);

	private final Postings postings = new Postings(ledger, users, new IdGenerator(7));

	PostingsTests() {
		given(users.exists(ALICE)).willReturn(true);
	}

	@Test
	void postsABalancedPaymentOfAUserOfThisShardGroup() {
		given(ledger.post(any())).willAnswer(call -> new Ledger.Posted(recordOf(call.getArgument(0)), true));

		Ledger.Posted posted = postings.post(payment(3_000));

		assertThat(posted.created()).isTrue();
		assertThat(posted.posting().entries()).extracting(PostedEntry::amount).containsExactly(-3_000L, 3_000L);
	}

	@Test
	void aUserThatDoesNotLiveHereHasNoAccountToTakeFrom() {
		given(users.exists(ALICE)).willReturn(false);

		assertProblem(() -> postings.post(payment(3_000)), "USER_NOT_FOUND", 404);
		verify(ledger, never()).post(any());
	}

	@Test
	void theSameReferenceWithTheSameMoneyAnswersTheFirstPosting() {
		PostingRecord first = recordOf(payment(3_000).toPosting(new PostingId(1_137)));
		given(ledger.post(any())).willReturn(new Ledger.Posted(first, false));

		Ledger.Posted again = postings.post(payment(3_000));

		assertThat(again.created()).isFalse();
		assertThat(again.posting()).isSameAs(first);
	}

	@Test
	void theSameReferenceWithOtherMoneyIsAMismatchNotTheFirstPosting() {
		given(ledger.post(any()))
			.willReturn(new Ledger.Posted(recordOf(payment(3_000).toPosting(new PostingId(1_137))), false));

		assertProblem(() -> postings.post(payment(2_999)), "POSTING_MISMATCH", 422);
	}

	@Test
	void aVoidedReferenceIsNeverPostedAfterwards() {
		given(ledger.post(any())).willReturn(new Ledger.Posted(
				new PostingRecord(new PostingId(1_137), "payment:1237", PostingKind.VOID, AT, List.of()), false));

		assertProblem(() -> postings.post(payment(3_000)), "POSTING_VOIDED", 409);
	}

	@Test
	void aPostingMatchesARequestOnlyForTheSameAccountsAndAmounts() {
		PostingRecord posted = recordOf(payment(3_000).toPosting(new PostingId(1_137)));

		assertThat(posted.matches(payment(3_000).toPosting(new PostingId(1_237)))).isTrue();
		assertThat(posted.matches(payment(2_999).toPosting(new PostingId(1_237)))).isFalse();
		assertThat(posted.matches(new PostingRequest("payment:1237", PostingKind.PAYMENT, 37,
				List.of(new LegRequest(AccountKind.USER, "8837", "CNY", -3_000L),
						new LegRequest(AccountKind.MERCHANT, "9001", "CNY", 3_000L)))
			.toPosting(new PostingId(1_237)))).isFalse();
	}

	/** The posting as the ledger records it; balances are of no concern here. */
	private static PostingRecord recordOf(Posting posting) {
		return new PostingRecord(posting.id(), posting.reference(), posting.kind(), AT,
				posting.legs().stream().map(leg -> new PostedEntry(leg.account(), leg.amount(), 0)).toList());
	}

	private static PostingRequest payment(long amount) {
		return new PostingRequest("payment:1237", PostingKind.PAYMENT, 37,
				List.of(new LegRequest(AccountKind.USER, ALICE.toString(), "CNY", -amount),
						new LegRequest(AccountKind.MERCHANT, "9001", "CNY", amount)));
	}

	private static void assertProblem(ThrowingCallable call, String code, int status) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
			assertThat(problem.problem().code()).isEqualTo(code);
			assertThat(problem.problem().status()).isEqualTo(status);
		});
	}

}
