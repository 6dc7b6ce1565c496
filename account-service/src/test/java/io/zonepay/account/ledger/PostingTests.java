package io.zonepay.account.ledger;

import java.util.List;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.zone.Shard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Double entry in code: a posting that does not balance in every currency cannot even be
 * built.
 */
class PostingTests {

	private static final CurrencyCode CNY = CurrencyCode.of("CNY");

	private static final CurrencyCode USD = CurrencyCode.of("USD");

	private static final Shard SHARD = Shard.of(37);

	private static final AccountKey ALICE_CNY = AccountKey.user(new UserId(9_937), CNY);

	private static final AccountKey TEA_HOUSE_CNY = AccountKey.merchant(new MerchantId(9_001), CNY, SHARD);

	@Test
	void aPostingWhoseLegsSumToZeroIsBuilt() {
		Posting posting = posting(List.of(new Posting.Leg(ALICE_CNY, -3_000), new Posting.Leg(TEA_HOUSE_CNY, 3_000)));

		assertThat(posting.legs()).extracting(Posting.Leg::amount).containsExactly(-3_000L, 3_000L);
	}

	@Test
	void aPostingThatDoesNotSumToZeroIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> posting(List.of(new Posting.Leg(ALICE_CNY, -3_000), new Posting.Leg(TEA_HOUSE_CNY, 2_999))))
			.withMessageContaining("unbalanced by -1 CNY");
		assertThatIllegalArgumentException().isThrownBy(
				() -> posting(List.of(new Posting.Leg(ALICE_CNY, -3_000), new Posting.Leg(TEA_HOUSE_CNY, 3_001))));
	}

	@Test
	void eachCurrencyBalancesOnItsOwn() {
		AccountKey teaHouseUsd = AccountKey.merchant(new MerchantId(9_001), USD, SHARD);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> posting(List.of(new Posting.Leg(ALICE_CNY, -3_000), new Posting.Leg(teaHouseUsd, 3_000))))
			.withMessageContaining("unbalanced");
		AccountKey aliceUsd = AccountKey.user(new UserId(9_937), USD);
		Posting both = posting(List.of(new Posting.Leg(ALICE_CNY, -3_000), new Posting.Leg(TEA_HOUSE_CNY, 3_000),
				new Posting.Leg(aliceUsd, -5), new Posting.Leg(teaHouseUsd, 5)));
		assertThat(both.legs()).hasSize(4);
	}

	@Test
	void aPostingMovesANonZeroAmountBetweenAtLeastTwoAccounts() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> posting(List.of(new Posting.Leg(ALICE_CNY, 0), new Posting.Leg(TEA_HOUSE_CNY, 0))));
		assertThatIllegalArgumentException().isThrownBy(() -> posting(List.of(new Posting.Leg(ALICE_CNY, 0))));
		assertThatIllegalArgumentException().isThrownBy(() -> posting(List.of()));
	}

	@Test
	void legsSoLargeTheirSumWouldOverflowAreRefusedRatherThanWrappedToZero() {
		assertThatIllegalArgumentException().isThrownBy(() -> posting(
				List.of(new Posting.Leg(ALICE_CNY, Long.MAX_VALUE), new Posting.Leg(TEA_HOUSE_CNY, Long.MAX_VALUE),
						new Posting.Leg(AccountKey.funding(SHARD, CNY), 2))));
	}

	@Test
	void aDepositTakesAPositiveAmountFromTheShardsFundingAccountIntoTheUsers() {
		Posting deposit = Posting.deposit(new PostingId(7_737), ALICE_CNY, new Money(500, CNY));

		assertThat(deposit.kind()).isEqualTo(PostingKind.DEPOSIT);
		assertThat(deposit.reference()).isEqualTo("deposit:7737");
		assertThat(deposit.shard()).isEqualTo(SHARD);
		assertThat(deposit.legs()).containsExactly(new Posting.Leg(AccountKey.funding(SHARD, CNY), -500),
				new Posting.Leg(ALICE_CNY, 500));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Posting.deposit(new PostingId(7_737), ALICE_CNY, new Money(0, CNY)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Posting.deposit(new PostingId(7_737), ALICE_CNY, new Money(-500, CNY)));
	}

	private static Posting posting(List<Posting.Leg> legs) {
		return new Posting(new PostingId(7_737), "payment:1237", PostingKind.PAYMENT, SHARD, legs);
	}

}
