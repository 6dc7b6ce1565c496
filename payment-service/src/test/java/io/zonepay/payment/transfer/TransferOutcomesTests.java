package io.zonepay.payment.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.Money;
import io.zonepay.payment.transfer.TransferEvents.TransferCredited;
import io.zonepay.payment.transfer.TransferEvents.TransferRejected;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.service.ids.TypedIdJsonModule;
import io.zonepay.service.inbox.Inbox;
import io.zonepay.service.outbox.Outbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The payer's side of a saga's end: credited completes it; rejected returns the money
 * first, then fails it.
 */
class TransferOutcomesTests {

	private static final JsonMapper JSON = JsonMapper.builder().addModule(new TypedIdJsonModule()).build();

	private static final Instant NOW = Instant.parse("2026-11-11T00:00:00Z");

	private static final TransferId ID = new TransferId(1_237);

	private final Transfers transfers = mock(Transfers.class);

	private final LedgerClient ledger = mock(LedgerClient.class);

	private final Inbox inbox = mock(Inbox.class);

	private final TransactionTemplate transactions = mock(TransactionTemplate.class);

	private final TransferMetrics metrics = mock(TransferMetrics.class);

	private final TransferOutcomes outcomes = new TransferOutcomes(transfers, ledger, inbox, transactions, JSON,
			metrics, Clock.fixed(NOW, ZoneOffset.UTC));

	private final Transfer transfer = Transfer.pending(ID, new UserId(9_937), new UserId(8_812), Money.of(500, "CNY"),
			TransferRoute.CROSS_GROUP, "user:9937:k", NOW);

	TransferOutcomesTests() {
		given(transactions.execute(any()))
			.willAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
		given(inbox.firstTime(eq(TransferOutcomes.CONSUMER), any())).willReturn(true);
		given(transfers.findById(ID)).willReturn(Optional.of(transfer));
		given(transfers.save(transfer)).willReturn(transfer);
		transfer.markDebited(NOW);
	}

	@Test
	void creditedCompletesTheTransfer() {
		outcomes.handle(record("TransferCredited", new TransferCredited(ID, NOW)));

		assertThat(transfer.status()).isEqualTo(TransferStatus.COMPLETED);
		verify(metrics).decided(transfer);
		verify(ledger, never()).post(anyString(), any(), any(), anyList());
	}

	@Test
	void rejectedReturnsTheMoneyFromTransitThenFailsWithTheCode() {
		given(ledger.post(eq("transfer:1237:return"), eq(PostingKind.TRANSFER), eq(transfer.shard()), anyList()))
			.willReturn(Settled.POSTED);

		outcomes.handle(record("TransferRejected", new TransferRejected(ID, "RECIPIENT_NOT_FOUND", NOW)));

		assertThat(transfer.status()).isEqualTo(TransferStatus.FAILED);
		assertThat(transfer.failureCode()).isEqualTo("RECIPIENT_NOT_FOUND");
		verify(ledger).post(eq("transfer:1237:return"), eq(PostingKind.TRANSFER), eq(transfer.shard()),
				eq(TransferPosting.returned(transfer).legs()));
	}

	@Test
	void aTransferWhoseMoneyCouldNotBeReturnedStaysDebited() {
		given(ledger.post(eq("transfer:1237:return"), eq(PostingKind.TRANSFER), eq(transfer.shard()), anyList()))
			.willReturn(Settled.VOIDED);

		assertThatIllegalStateException().isThrownBy(() -> outcomes
			.handle(record("TransferRejected", new TransferRejected(ID, "CROSS_ZONE_DISABLED", NOW))));

		assertThat(transfer.status()).isEqualTo(TransferStatus.DEBITED);
	}

	@Test
	void aRedeliveredRejectionOfAFailedTransferReturnsNothingAgain() {
		transfer.failReturned(TransferFailure.CROSS_ZONE_DISABLED, NOW);
		given(inbox.firstTime(eq(TransferOutcomes.CONSUMER), any())).willReturn(false);

		outcomes.handle(record("TransferRejected", new TransferRejected(ID, "CROSS_ZONE_DISABLED", NOW)));

		verify(ledger, never()).post(anyString(), any(), any(), anyList());
		verify(metrics, never()).decided(any());
	}

	private static ConsumerRecord<String, String> record(String type, Object event) {
		ConsumerRecord<String, String> record = new ConsumerRecord<>(TransferEvents.RESULTS, 37, 3, "1237",
				JSON.writeValueAsString(event));
		record.headers().add(Outbox.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add(Outbox.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
