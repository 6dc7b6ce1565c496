package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.List;

import io.zonepay.account.user.UserDirectory;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Top-ups: from the shard's funding account into a user's, within the deposit limit, for
 * users of this shard group.
 */
class DepositsTests {

	private static final CurrencyCode CNY = CurrencyCode.of("CNY");

	private static final UserId ALICE = new UserId(9_937);

	private final Ledger ledger = mock(Ledger.class);

	private final UserDirectory users = mock(UserDirectory.class);

	private final Deposits deposits = new Deposits(ledger, users, new IdGenerator(7), new DepositProperties(1_000_000));

	DepositsTests() {
		given(users.exists(ALICE)).willReturn(true);
	}

	@Test
	void movesMoneyFromTheFundingAccountToTheUserAndAnswersTheBalanceItLeft() {
		given(ledger.post(any())).willAnswer(call -> {
			Posting posting = call.getArgument(0);
			return new Ledger.Posted(new PostingRecord(posting.id(), posting.reference(), posting.kind(), Instant.EPOCH,
					List.of(new PostedEntry(AccountKey.funding(Shard.of(37), CNY), -500, -1_500),
							new PostedEntry(AccountKey.user(ALICE, CNY), 500, 1_500))),
					true);
		});

		Deposits.Deposit deposit = deposits.deposit(ALICE, new Money(500, CNY));

		assertThat(deposit.balance()).isEqualTo(1_500);
		assertThat(deposit.id().value() % 100).isEqualTo(37);
		ArgumentCaptor<Posting> posted = ArgumentCaptor.forClass(Posting.class);
		verify(ledger).post(posted.capture());
		assertThat(posted.getValue().legs()).containsExactly(
				new Posting.Leg(AccountKey.funding(Shard.of(37), CNY), -500),
				new Posting.Leg(AccountKey.user(ALICE, CNY), 500));
	}

	@Test
	void refusesADepositAboveTheLimitBeforeLookingAnythingUp() {
		assertProblem(() -> deposits.deposit(ALICE, new Money(1_000_001, CNY)), "AMOUNT_OUT_OF_RANGE", 400);
		verifyNoInteractions(ledger);
	}

	@Test
	void aUserOfAnotherShardGroupGetsNoMoney() {
		assertProblem(() -> deposits.deposit(new UserId(8_812), new Money(500, CNY)), "USER_NOT_FOUND", 404);
		assertProblem(() -> deposits.balances(new UserId(8_812)), "USER_NOT_FOUND", 404);
		verifyNoInteractions(ledger);
	}

	private static void assertProblem(ThrowingCallable call, String code, int status) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
			assertThat(problem.problem().code()).isEqualTo(code);
			assertThat(problem.problem().status()).isEqualTo(status);
		});
	}

}
