package io.zonepay.payment.transfer;

import java.time.Instant;
import java.util.List;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.payment.zone.LedgerClient.AccountKind;
import io.zonepay.payment.zone.LedgerClient.Leg;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TransferPostingTests {

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	private static final UserId ALICE = new UserId(9_937);

	private static final UserId BOB = new UserId(8_812);

	@Test
	void inOneShardGroupThePayerPaysThePayeeDirectly() {
		TransferPosting posting = TransferPosting.of(transfer(TransferRoute.SAME_GROUP));
		assertThat(posting.reference()).isEqualTo("transfer:1237");
		assertThat(posting.shard().value()).isEqualTo(37);
		assertThat(posting.legs()).containsExactly(new Leg(AccountKind.USER, "9937", "CNY", -500),
				new Leg(AccountKind.USER, "8812", "CNY", 500));
	}

	@Test
	void acrossShardGroupsThePayerPaysIntoItsShardsTransitAndGetsItBackFromThere() {
		Transfer transfer = transfer(TransferRoute.CROSS_GROUP);
		TransferPosting debit = TransferPosting.of(transfer);
		assertThat(debit.reference()).isEqualTo("transfer:1237:debit");
		assertThat(debit.shard().value()).isEqualTo(37);
		assertThat(debit.legs()).containsExactly(new Leg(AccountKind.USER, "9937", "CNY", -500),
				new Leg(AccountKind.TRANSIT, "37", "CNY", 500));
		TransferPosting back = TransferPosting.returned(transfer);
		assertThat(back.reference()).isEqualTo("transfer:1237:return");
		assertThat(back.shard().value()).isEqualTo(37);
		assertThat(back.legs()).containsExactly(new Leg(AccountKind.TRANSIT, "37", "CNY", -500),
				new Leg(AccountKind.USER, "9937", "CNY", 500));
	}

	@Test
	void thePayeesZoneCreditsThePayeeFromThePayeeShardsTransit() {
		TransferPosting credit = TransferPosting.credit(new TransferId(1_237), BOB, Money.of(500, "CNY"));
		assertThat(credit.reference()).isEqualTo("transfer:1237:credit");
		assertThat(credit.shard().value()).isEqualTo(12);
		assertThat(credit.legs()).containsExactly(new Leg(AccountKind.TRANSIT, "12", "CNY", -500),
				new Leg(AccountKind.USER, "8812", "CNY", 500));
	}

	@Test
	void aTransitAccountOfShardZeroIsNamedByItsNumber() {
		TransferPosting credit = TransferPosting.credit(new TransferId(1_237), new UserId(4_200), Money.of(1, "CNY"));
		assertThat(credit.legs().getFirst().owner()).isEqualTo("0");
	}

	@Test
	void aPostingThatDoesNotSumToZeroCannotBeBuilt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TransferPosting("transfer:1", new UserId(1).shard(),
				List.of(new Leg(AccountKind.USER, "1", "CNY", -5), new Leg(AccountKind.USER, "2", "CNY", 4))));
	}

	private static Transfer transfer(TransferRoute route) {
		return Transfer.pending(new TransferId(1_237), ALICE, BOB, Money.of(500, "CNY"), route, "user:9937:k", NOW);
	}

}
