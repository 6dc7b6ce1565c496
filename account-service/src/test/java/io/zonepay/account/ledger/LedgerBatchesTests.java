package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.zonepay.account.ledger.PostingRequest.LegRequest;
import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.problem.ProblemException;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A batch answers each posting as if it came alone: a reference moves money once and is
 * answered as the first posting only if it moved the same money, a voided reference never
 * comes back, and a posting naming a user who does not live here is refused without
 * holding up the others. The ledger's SQL is a mock here; the integration tests run it on
 * PostgreSQL.
 */
class LedgerBatchesTests {

	private static final UserId ALICE = new UserId(9_937);

	private static final UserId STRANGER = new UserId(4_437);

	private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

	private final Ledger ledger = mock(Ledger.class);

	private final UserDirectory users = mock(UserDirectory.class);

	private final List<TransactionStatus> transactions = new ArrayList<>();

	private final LedgerBatches batches = new LedgerBatches(ledger, users, new TransactionOperations() {

		@Override
		public <T> T execute(TransactionCallback<T> action) {
			TransactionStatus status = new SimpleTransactionStatus();
			transactions.add(status);
			return action.doInTransaction(status);
		}
	});

	LedgerBatchesTests() {
		given(users.existing(any())).willAnswer(call -> Set.of(ALICE));
		given(ledger.postAll(anyList())).willAnswer(call -> {
			List<Posting> postings = call.getArgument(0);
			return postings.stream()
				.map(posting -> (Ledger.Outcome) new Ledger.Posted(recordOf(posting), true))
				.toList();
		});
	}

	@Test
	void postsABalancedPaymentOfAUserOfThisShardGroupInOneTransaction() {
		List<Ledger.Outcome> outcomes = batches.post(List.of(payment("payment:1237", ALICE, 3_000)));

		assertThat(outcomes).singleElement()
			.isInstanceOfSatisfying(Ledger.Posted.class,
					posted -> assertThat(posted.posting().entries()).extracting(PostedEntry::amount)
						.containsExactly(-3_000L, 3_000L));
		assertThat(transactions).singleElement().satisfies(status -> assertThat(status.isRollbackOnly()).isFalse());
	}

	@Test
	void aUserThatDoesNotLiveHereIsRefusedAloneAndTheOthersArePosted() {
		List<Ledger.Outcome> outcomes = batches.post(List.of(payment("payment:1", ALICE, 10),
				payment("payment:2", STRANGER, 10), payment("payment:3", ALICE, 20)));

		assertThat(outcomes.get(0)).isInstanceOf(Ledger.Posted.class);
		assertProblem(outcomes.get(1), "USER_NOT_FOUND", 404);
		assertThat(outcomes.get(2)).isInstanceOfSatisfying(Ledger.Posted.class,
				posted -> assertThat(posted.posting().reference()).isEqualTo("payment:3"));
		verify(ledger).postAll(List.of(payment("payment:1", ALICE, 10), payment("payment:3", ALICE, 20)));
	}

	@Test
	void theSameReferenceWithTheSameMoneyAnswersTheFirstPosting() {
		PostingRecord first = recordOf(payment("payment:1237", ALICE, 3_000));
		given(ledger.postAll(anyList())).willReturn(List.of(new Ledger.Posted(first, false)));

		assertThat(batches.post(List.of(payment("payment:1237", ALICE, 3_000))))
			.containsExactly(new Ledger.Posted(first, false));
	}

	@Test
	void theSameReferenceWithOtherMoneyIsAMismatchNotTheFirstPosting() {
		given(ledger.postAll(anyList()))
			.willReturn(List.of(new Ledger.Posted(recordOf(payment("payment:1237", ALICE, 3_000)), false)));

		assertProblem(batches.post(List.of(payment("payment:1237", ALICE, 2_999))).get(0), "POSTING_MISMATCH", 422);
	}

	@Test
	void aVoidedReferenceIsNeverPostedAfterwards() {
		given(ledger.postAll(anyList())).willReturn(List.of(new Ledger.Posted(
				new PostingRecord(new PostingId(1_137), "payment:1237", PostingKind.VOID, AT, List.of()), false)));

		assertProblem(batches.post(List.of(payment("payment:1237", ALICE, 3_000))).get(0), "POSTING_VOIDED", 409);
	}

	@Test
	void aBatchThatPostsNothingNewWritesNothing() {
		given(ledger.postAll(anyList())).willReturn(List.of(new Ledger.Refused(
				new ProblemException(io.zonepay.account.AccountProblem.INSUFFICIENT_FUNDS, "holds less"))));

		batches.post(List.of(payment("payment:1", ALICE, 10), payment("payment:2", STRANGER, 10)));

		assertThat(transactions).singleElement().satisfies(status -> assertThat(status.isRollbackOnly()).isTrue());
	}

	@Test
	void aBatchThatAVoidRacedIsPlannedOnceMoreInANewTransaction() {
		Posting posting = payment("payment:1", ALICE, 10);
		PostingRecord voided = new PostingRecord(new PostingId(1_137), "payment:1", PostingKind.VOID, AT, List.of());
		given(ledger.postAll(anyList())).willThrow(new Ledger.SettledMeanwhile("voided meanwhile"))
			.willReturn(List.of(new Ledger.Posted(voided, false)));

		assertProblem(batches.post(List.of(posting)).get(0), "POSTING_VOIDED", 409);
		assertThat(transactions).hasSize(2);
		verify(ledger, times(2)).postAll(List.of(posting));
	}

	@Test
	void aPostingMatchesARequestOnlyForTheSameAccountsAndAmounts() {
		PostingRecord posted = recordOf(payment("payment:1237", ALICE, 3_000));

		assertThat(posted.matches(payment("payment:1237", ALICE, 3_000))).isTrue();
		assertThat(posted.matches(payment("payment:1237", ALICE, 2_999))).isFalse();
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

	private static Posting payment(String reference, UserId payer, long amount) {
		return new PostingRequest(reference, PostingKind.PAYMENT, 37,
				List.of(new LegRequest(AccountKind.USER, payer.toString(), "CNY", -amount),
						new LegRequest(AccountKind.MERCHANT, "9001", "CNY", amount)))
			.toPosting(new PostingId(1_237));
	}

	private static void assertProblem(Ledger.Outcome outcome, String code, int status) {
		assertThat(outcome).isInstanceOfSatisfying(Ledger.Refused.class, refused -> {
			assertThat(refused.problem().problem().code()).isEqualTo(code);
			assertThat(refused.problem().problem().status()).isEqualTo(status);
		});
	}

}
