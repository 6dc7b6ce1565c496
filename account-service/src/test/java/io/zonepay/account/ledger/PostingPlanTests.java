package io.zonepay.account.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.id.MerchantId;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.zone.Shard;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch applied in memory answers each posting as posting them one by one in their
 * order would: a refusal stays with its posting, a reference posts once, postings on the
 * same account see each other in order, and each account changes once by the sum of its
 * entries.
 */
class PostingPlanTests {

	private static final CurrencyCode CNY = CurrencyCode.of("CNY");

	private static final Instant AT = Instant.parse("2026-11-11T00:00:00Z");

	private static final AccountKey ALICE = AccountKey.user(new UserId(1_137), CNY);

	private static final AccountKey BOB = AccountKey.user(new UserId(2_237), CNY);

	private static final AccountKey CAROL = AccountKey.user(new UserId(3_342), CNY);

	/** The hot merchant, reached by postings of two shards: one account all the same. */
	private static final AccountKey TEA_HOUSE = AccountKey.merchant(new MerchantId(9_001), CNY, Shard.of(37));

	private static final AccountKey TEA_HOUSE_FROM_42 = AccountKey.merchant(new MerchantId(9_001), CNY, Shard.of(42));

	private static final AccountKey TRANSIT = AccountKey.transit(Shard.of(37), CNY);

	private static final long TEA_HOUSE_ID = 1;

	private final Map<AccountKey, Long> ids = new HashMap<>(Map.of(TEA_HOUSE, TEA_HOUSE_ID, TEA_HOUSE_FROM_42,
			TEA_HOUSE_ID, ALICE, 11L, BOB, 12L, CAROL, 13L, TRANSIT, 2L));

	private final Map<Long, PostingPlan.Balance> opening = new HashMap<>(Map.of(TEA_HOUSE_ID, merchant(0), 11L,
			user(1_000), 12L, user(50), 13L, user(1_000), 2L, new PostingPlan.Balance(AccountKind.TRANSIT, 0)));

	private long nextId = 1_000;

	@Test
	void aRefusedPostingLeavesTheOthersPostedAndTheirBalancesAsIfItNeverCame() {
		PostingPlan plan = plan(Map.of());

		Ledger.Outcome alice = plan.add(payment("payment:1", ALICE, TEA_HOUSE, 300));
		Ledger.Outcome bob = plan.add(payment("payment:2", BOB, TEA_HOUSE, 51));
		Ledger.Outcome carol = plan.add(payment("payment:3", CAROL, TEA_HOUSE_FROM_42, 200));

		assertThat(entries(alice)).containsExactly(new PostedEntry(TEA_HOUSE, 300, 300),
				new PostedEntry(ALICE, -300, 700));
		assertThat(bob).isInstanceOfSatisfying(Ledger.Refused.class,
				refused -> assertThat(refused.problem().problem().code()).isEqualTo("INSUFFICIENT_FUNDS"));
		assertThat(entries(carol)).containsExactly(new PostedEntry(TEA_HOUSE_FROM_42, 200, 500),
				new PostedEntry(CAROL, -200, 800));
		assertThat(plan.accepted()).extracting(Posting::reference).containsExactly("payment:1", "payment:3");
		assertThat(plan.changes()).containsExactly(new PostingPlan.Change(TEA_HOUSE_ID, 500, 500),
				new PostingPlan.Change(11, -300, 700), new PostingPlan.Change(13, -200, 800));
	}

	@Test
	void theSameReferenceTwiceInABatchPostsOnceAndAnswersTheFirstPosting() {
		PostingPlan plan = plan(Map.of());

		Ledger.Outcome first = plan.add(payment("payment:1", ALICE, TEA_HOUSE, 300));
		Ledger.Outcome again = plan.add(payment("payment:1", ALICE, TEA_HOUSE, 300));

		assertThat(again).isEqualTo(new Ledger.Posted(((Ledger.Posted) first).posting(), false));
		assertThat(plan.accepted()).hasSize(1);
		assertThat(plan.bookings()).hasSize(2);
		assertThat(plan.changes()).containsExactly(new PostingPlan.Change(TEA_HOUSE_ID, 300, 300),
				new PostingPlan.Change(11, -300, 700));
	}

	@Test
	void aReferenceSettledBeforeTheBatchIsAnsweredAndMovesNothing() {
		PostingRecord voided = new PostingRecord(new PostingId(7_737), "payment:1", PostingKind.VOID, AT, List.of());
		PostingPlan plan = plan(Map.of("payment:1", voided));

		assertThat(plan.add(payment("payment:1", ALICE, TEA_HOUSE, 300))).isEqualTo(new Ledger.Posted(voided, false));
		assertThat(plan.accepted()).isEmpty();
		assertThat(plan.changes()).isEmpty();
	}

	@Test
	void aReferenceRefusedInABatchMayStillBePostedLaterInIt() {
		PostingPlan plan = plan(Map.of());

		assertThat(plan.add(payment("payment:2", BOB, TEA_HOUSE, 60))).isInstanceOf(Ledger.Refused.class);
		plan.add(transferIn("transfer:1", BOB, 10));

		assertThat(entries(plan.add(payment("payment:2", BOB, TEA_HOUSE, 60)))).contains(new PostedEntry(BOB, -60, 0));
	}

	@Test
	void postingsOnTheSameAccountApplyInTheOrderTheyCame() {
		PostingPlan refundFirst = plan(Map.of());
		assertThat(refundFirst.add(refund("refund:1", TEA_HOUSE, ALICE, 100))).isInstanceOf(Ledger.Refused.class);
		assertThat(refundFirst.add(payment("payment:1", ALICE, TEA_HOUSE, 100))).isInstanceOf(Ledger.Posted.class);

		PostingPlan paymentFirst = plan(Map.of());
		paymentFirst.add(payment("payment:1", ALICE, TEA_HOUSE, 100));
		assertThat(entries(paymentFirst.add(refund("refund:1", TEA_HOUSE, ALICE, 100))))
			.containsExactly(new PostedEntry(TEA_HOUSE, -100, 0), new PostedEntry(ALICE, 100, 1_000));
		assertThat(paymentFirst.bookings()).extracting(PostingPlan.Booking::balanceAfter)
			.containsExactly(100L, 900L, 0L, 1_000L);
	}

	@Test
	void aMerchantsReceivableTakesAllItsCreditsAsOneChangeAndIsNeverDebitedBelowZero() {
		opening.put(11L, user(1_000_000));
		PostingPlan plan = plan(Map.of());
		for (int i = 1; i <= 50; i++) {
			assertThat(plan.add(payment("payment:" + i, ALICE, i % 2 == 0 ? TEA_HOUSE : TEA_HOUSE_FROM_42, i)))
				.isInstanceOf(Ledger.Posted.class);
		}
		assertThat(plan.add(refund("refund:1", TEA_HOUSE, ALICE, 1_276))).isInstanceOf(Ledger.Refused.class);
		assertThat(plan.add(refund("refund:2", TEA_HOUSE, ALICE, 1_275))).isInstanceOf(Ledger.Posted.class);

		assertThat(plan.changes()).containsExactly(new PostingPlan.Change(TEA_HOUSE_ID, 0, 0),
				new PostingPlan.Change(11, 0, 1_000_000));
		List<Long> merchantBalances = plan.bookings()
			.stream()
			.filter(booking -> booking.accountId() == TEA_HOUSE_ID)
			.map(PostingPlan.Booking::balanceAfter)
			.toList();
		assertThat(merchantBalances).hasSize(51).startsWith(1L, 3L, 6L).endsWith(1_275L, 0L);
	}

	@Test
	void aTransitAccountMayGoNegativeAUsersNever() {
		PostingPlan plan = plan(Map.of());

		assertThat(entries(plan.add(transferIn("transfer:1", BOB, 70)))).contains(new PostedEntry(TRANSIT, -70, -70));
		assertThat(plan.add(transferOut("transfer:2", BOB, 121))).isInstanceOf(Ledger.Refused.class);
		assertThat(entries(plan.add(transferOut("transfer:3", BOB, 120)))).contains(new PostedEntry(BOB, -120, 0));
	}

	@Test
	void aBalanceBeyondWhatALongHoldsIsRefusedRatherThanWrapped() {
		opening.put(2L, new PostingPlan.Balance(AccountKind.TRANSIT, Long.MIN_VALUE + 5));
		PostingPlan plan = plan(Map.of());

		assertThat(plan.add(transferIn("transfer:1", BOB, 10))).isInstanceOfSatisfying(Ledger.Refused.class,
				refused -> assertThat(refused.problem().problem().code()).isEqualTo("AMOUNT_OUT_OF_RANGE"));
		assertThat(plan.changes()).isEmpty();
	}

	private PostingPlan plan(Map<String, PostingRecord> settled) {
		return new PostingPlan(ids, opening, settled, AT);
	}

	private Posting payment(String reference, AccountKey payer, AccountKey merchant, long amount) {
		return posting(reference, PostingKind.PAYMENT, payer, merchant, amount);
	}

	private Posting refund(String reference, AccountKey merchant, AccountKey payer, long amount) {
		return posting(reference, PostingKind.REFUND, merchant, payer, amount);
	}

	private Posting transferIn(String reference, AccountKey payee, long amount) {
		return posting(reference, PostingKind.TRANSFER, TRANSIT, payee, amount);
	}

	private Posting transferOut(String reference, AccountKey payer, long amount) {
		return posting(reference, PostingKind.TRANSFER, payer, TRANSIT, amount);
	}

	private Posting posting(String reference, PostingKind kind, AccountKey from, AccountKey to, long amount) {
		return new Posting(new PostingId(nextId++ * 100 + 37), reference, kind, Shard.of(37),
				List.of(new Posting.Leg(from, -amount), new Posting.Leg(to, amount)));
	}

	private static List<PostedEntry> entries(Ledger.Outcome outcome) {
		if (outcome instanceof Ledger.Refused refused) {
			throw new AssertionError("refused: " + refused.problem().detail());
		}
		return ((Ledger.Posted) outcome).posting().entries();
	}

	private static PostingPlan.Balance user(long balance) {
		return new PostingPlan.Balance(AccountKind.USER, balance);
	}

	private static PostingPlan.Balance merchant(long balance) {
		return new PostingPlan.Balance(AccountKind.MERCHANT, balance);
	}

}
