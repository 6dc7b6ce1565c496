package io.zonepay.payment.transfer;

import java.time.Instant;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TransferTests {

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	private static final UserId ALICE = new UserId(9_937);

	private static final UserId BOB = new UserId(8_812);

	@Test
	void aSameGroupTransferCompletesOnceAndIsNeverDebitedOrFailedAfterwards() {
		Transfer transfer = pending(TransferRoute.SAME_GROUP);
		assertThatIllegalStateException().isThrownBy(() -> transfer.markDebited(NOW));
		assertThat(transfer.complete(NOW)).isTrue();
		assertThat(transfer.complete(NOW)).isFalse();
		assertThat(transfer.status()).isEqualTo(TransferStatus.COMPLETED);
		assertThatIllegalStateException().isThrownBy(() -> transfer.fail(TransferFailure.NOT_COMPLETED, NOW));
		assertThat(transfer.failureCode()).isNull();
	}

	@Test
	void aCrossGroupTransferCompletesOnlyOnceDebited() {
		Transfer transfer = pending(TransferRoute.CROSS_GROUP);
		assertThatIllegalStateException().isThrownBy(() -> transfer.complete(NOW));
		assertThat(transfer.markDebited(NOW)).isTrue();
		assertThat(transfer.markDebited(NOW)).isFalse();
		assertThat(transfer.status()).isEqualTo(TransferStatus.DEBITED);
		assertThat(transfer.complete(NOW)).isTrue();
		assertThat(transfer.markDebited(NOW)).isFalse();
		assertThatIllegalStateException()
			.isThrownBy(() -> transfer.failReturned(TransferFailure.CROSS_ZONE_DISABLED, NOW));
	}

	@Test
	void aDebitedTransferFailsOnlyWithItsMoneyReturned() {
		Transfer transfer = pending(TransferRoute.CROSS_GROUP);
		assertThatIllegalStateException()
			.isThrownBy(() -> transfer.failReturned(TransferFailure.RECIPIENT_NOT_FOUND, NOW));
		transfer.markDebited(NOW);
		assertThatIllegalStateException().isThrownBy(() -> transfer.fail(TransferFailure.NOT_COMPLETED, NOW));
		assertThat(transfer.failReturned(TransferFailure.RECIPIENT_NOT_FOUND, NOW)).isTrue();
		assertThat(transfer.failReturned(TransferFailure.CROSS_ZONE_DISABLED, NOW)).isFalse();
		assertThat(transfer.failureCode()).isEqualTo("RECIPIENT_NOT_FOUND");
		assertThatIllegalStateException().isThrownBy(() -> transfer.complete(NOW));
	}

	@Test
	void aPendingTransferFailsWhenItsPostingCanNeverBeMadeAndKeepsItsFirstCode() {
		Transfer transfer = pending(TransferRoute.CROSS_GROUP);
		assertThat(transfer.fail(TransferFailure.INSUFFICIENT_FUNDS, NOW)).isTrue();
		assertThat(transfer.fail(TransferFailure.NOT_COMPLETED, NOW)).isFalse();
		assertThat(transfer.failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
		assertThatIllegalStateException().isThrownBy(() -> transfer.markDebited(NOW));
	}

	@Test
	void aRefusedTransferIsFailedFromTheStart() {
		Transfer transfer = Transfer.refused(new TransferId(1_237), ALICE, BOB, Money.of(500, "CNY"),
				TransferRoute.CROSS_GROUP, "user:9937:k", TransferFailure.CROSS_ZONE_DISABLED, NOW);
		assertThat(transfer.status()).isEqualTo(TransferStatus.FAILED);
		assertThat(transfer.failureCode()).isEqualTo("CROSS_ZONE_DISABLED");
	}

	@Test
	void theApiShowsADebitedTransferAsPending() {
		assertThat(TransferStatus.DEBITED.shown()).isEqualTo("PENDING");
		assertThat(TransferStatus.COMPLETED.shown()).isEqualTo("COMPLETED");
	}

	@Test
	void itLivesInItsPayersShardAndMovesAPositiveAmountToSomeoneElse() {
		assertThatIllegalArgumentException().isThrownBy(() -> Transfer.pending(new TransferId(1_212), ALICE, BOB,
				Money.of(500, "CNY"), TransferRoute.SAME_GROUP, "k", NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> Transfer.pending(new TransferId(1_237), ALICE, ALICE,
				Money.of(500, "CNY"), TransferRoute.SAME_GROUP, "k", NOW));
		assertThatIllegalArgumentException().isThrownBy(() -> Transfer.pending(new TransferId(1_237), ALICE, BOB,
				Money.of(0, "CNY"), TransferRoute.SAME_GROUP, "k", NOW));
		Transfer transfer = pending(TransferRoute.SAME_GROUP);
		assertThat(transfer.shard().value()).isEqualTo(37);
		assertThat(transfer.from()).isEqualTo(ALICE);
		assertThat(transfer.to()).isEqualTo(BOB);
	}

	private static Transfer pending(TransferRoute route) {
		return Transfer.pending(new TransferId(1_237), ALICE, BOB, Money.of(500, "CNY"), route, "user:9937:k", NOW);
	}

}
