package io.zonepay.account.ledger;

import java.util.List;

import io.zonepay.account.ledger.PostingRequest.LegRequest;
import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.Shard;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What other services may ask the ledger to post: balanced payments, refunds and
 * transfers between accounts they may name.
 */
class PostingRequestTests {

	private static final PostingId ID = new PostingId(7_737);

	private static final CurrencyCode CNY = CurrencyCode.of("CNY");

	@Test
	void aPaymentTakesFromTheUsersAccountInTheirShardAndCreditsTheMerchantInThePostingsShard() {
		Posting posting = request(PostingKind.PAYMENT, 37, user("9937", -3_000), merchant("9001", 3_000)).toPosting(ID);

		assertThat(posting.kind()).isEqualTo(PostingKind.PAYMENT);
		assertThat(posting.shard()).isEqualTo(Shard.of(37));
		assertThat(posting.legs()).containsExactly(new Posting.Leg(AccountKey.user(new UserId(9_937), CNY), -3_000),
				new Posting.Leg(AccountKey.merchant(new MerchantId(9_001), CNY, Shard.of(37)), 3_000));
	}

	@Test
	void aRequestThatDoesNotBalanceIsInvalid() {
		assertInvalid(
				() -> request(PostingKind.PAYMENT, 37, user("9937", -3_000), merchant("9001", 2_000)).toPosting(ID));
		assertInvalid(() -> request(PostingKind.PAYMENT, 37, user("9937", -3_000),
				new LegRequest(AccountKind.MERCHANT, "9001", "USD", 3_000L))
			.toPosting(ID));
	}

	@Test
	void onlyPaymentsRefundsAndTransfersComeThisWay() {
		assertInvalid(() -> request(PostingKind.DEPOSIT, 37, user("9937", 500), user("8837", -500)).toPosting(ID));
		assertInvalid(() -> request(PostingKind.VOID, 37, user("9937", 500), user("8837", -500)).toPosting(ID));
		assertThat(request(PostingKind.REFUND, 37, merchant("9001", -100), user("9937", 100)).toPosting(ID).kind())
			.isEqualTo(PostingKind.REFUND);
		assertThat(request(PostingKind.TRANSFER, 37, user("9937", -100), user("8812", 100)).toPosting(ID).kind())
			.isEqualTo(PostingKind.TRANSFER);
	}

	@Test
	void noServiceMovesMoneyThroughTheFundingAccount() {
		assertInvalid(() -> request(PostingKind.TRANSFER, 37, new LegRequest(AccountKind.FUNDING, "37", "CNY", -500L),
				user("9937", 500))
			.toPosting(ID));
	}

	@Test
	void aTransitLegIsThePostingsOwnShards() {
		Posting posting = request(PostingKind.TRANSFER, 37, user("9937", -500), transit("37", 500)).toPosting(ID);

		assertThat(posting.legs().get(1).account()).isEqualTo(AccountKey.transit(Shard.of(37), CNY));
		assertInvalid(() -> request(PostingKind.TRANSFER, 37, user("9937", -500), transit("88", 500)).toPosting(ID));
	}

	@Test
	void ownersAreIdsAndCurrenciesAreIsoCodes() {
		assertInvalid(
				() -> request(PostingKind.PAYMENT, 37, user("alice", -3_000), merchant("9001", 3_000)).toPosting(ID));
		assertInvalid(() -> request(PostingKind.PAYMENT, 37, new LegRequest(AccountKind.USER, "9937", "QQQ", -3_000L),
				new LegRequest(AccountKind.MERCHANT, "9001", "QQQ", 3_000L))
			.toPosting(ID));
	}

	private static PostingRequest request(PostingKind kind, int shard, LegRequest... legs) {
		return new PostingRequest("payment:1237", kind, shard, List.of(legs));
	}

	private static LegRequest user(String owner, long amount) {
		return new LegRequest(AccountKind.USER, owner, "CNY", amount);
	}

	private static LegRequest merchant(String owner, long amount) {
		return new LegRequest(AccountKind.MERCHANT, owner, "CNY", amount);
	}

	private static LegRequest transit(String owner, long amount) {
		return new LegRequest(AccountKind.TRANSIT, owner, "CNY", amount);
	}

	private static void assertInvalid(ThrowingCallable call) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class, problem -> {
			assertThat(problem.problem().code()).isEqualTo("VALIDATION_FAILED");
			assertThat(problem.problem().status()).isEqualTo(400);
		});
	}

}
