package io.zonepay.payment.transfer;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.payment.transfer.TransferEvents.TransferCredited;
import io.zonepay.payment.transfer.TransferEvents.TransferRejected;
import io.zonepay.payment.transfer.TransferEvents.TransferRequested;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.UsersClient;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.ids.TypedIdJsonModule;
import io.zonepay.service.inbox.Inbox;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.outbox.OutboxEvent;
import io.zonepay.testkit.TestRouting;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The payee's side: whatever the order of crashes and switch flips, one transfer is
 * credited or refused, never both.
 */
class IncomingTransfersTests {

	private static final JsonMapper JSON = JsonMapper.builder().addModule(new TypedIdJsonModule()).build();

	private static final UserId BOB = new UserId(8_812);

	private final LedgerClient ledger = mock(LedgerClient.class);

	private final UsersClient users = mock(UsersClient.class);

	private final GlobalData global = new GlobalData(new RoutingTables(), null, 10, Duration.ofSeconds(1));

	private final Inbox inbox = mock(Inbox.class);

	private final Outbox outbox = mock(Outbox.class);

	private final TransactionTemplate transactions = mock(TransactionTemplate.class);

	private final TransferMetrics metrics = mock(TransferMetrics.class);

	private final IncomingTransfers incoming = new IncomingTransfers(ledger, users, global, inbox, outbox, transactions,
			JSON, metrics, Clock.systemUTC());

	IncomingTransfersTests() {
		given(transactions.execute(any()))
			.willAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
		given(inbox.firstTime(eq(IncomingTransfers.CONSUMER), any())).willReturn(true);
		given(users.exists(BOB)).willReturn(true);
		switches(true);
	}

	@Test
	void creditsThePayeeFromTransitAndAnswersCreditedToThePayersShard() {
		given(ledger.post(eq("transfer:1237:credit"), eq(PostingKind.TRANSFER), eq(BOB.shard()), anyList()))
			.willReturn(Settled.POSTED);

		incoming.handle(requested());

		OutboxEvent answer = answer();
		assertThat(answer.topic()).isEqualTo(TransferEvents.RESULTS);
		assertThat(answer.shard().value()).isEqualTo(37);
		assertThat(answer.type()).isEqualTo("TransferCredited");
		assertThat(((TransferCredited) answer.payload()).transferId()).isEqualTo(new TransferId(1_237));
		assertThat(answer.headers()).containsEntry(Outbox.TRACEPARENT, "00-trace-span-01");
	}

	@Test
	void withCrossZoneTransfersOffItVoidsTheCreditAndRejects() {
		switches(false);
		given(ledger.voidReference("transfer:1237:credit", BOB.shard())).willReturn(Settled.VOIDED);

		incoming.handle(requested());

		assertThat(answer().type()).isEqualTo("TransferRejected");
		assertThat(((TransferRejected) answer().payload()).code()).isEqualTo("CROSS_ZONE_DISABLED");
		verify(ledger, never()).post(anyString(), any(), any(), anyList());
	}

	@Test
	void aRequestCreditedBeforeACrashStaysCreditedThoughTheSwitchWentOffSince() {
		switches(false);
		given(ledger.voidReference("transfer:1237:credit", BOB.shard())).willReturn(Settled.POSTED);

		incoming.handle(requested());

		assertThat(answer().type()).isEqualTo("TransferCredited");
	}

	@Test
	void aRequestRefusedBeforeACrashStaysRefusedThoughTheSwitchCameBackOn() {
		given(ledger.post(eq("transfer:1237:credit"), eq(PostingKind.TRANSFER), eq(BOB.shard()), anyList()))
			.willReturn(Settled.VOIDED);

		incoming.handle(requested());

		assertThat(answer().type()).isEqualTo("TransferRejected");
		assertThat(((TransferRejected) answer().payload()).code()).isEqualTo("CROSS_ZONE_DISABLED");
	}

	@Test
	void anUnknownPayeeIsRejectedWithNothingCredited() {
		given(users.exists(BOB)).willReturn(false);
		given(ledger.voidReference("transfer:1237:credit", BOB.shard())).willReturn(Settled.VOIDED);

		incoming.handle(requested());

		assertThat(((TransferRejected) answer().payload()).code()).isEqualTo("RECIPIENT_NOT_FOUND");
		verify(ledger, never()).post(anyString(), any(), any(), anyList());
	}

	@Test
	void aRedeliveredRequestAppendsNoSecondAnswer() {
		given(ledger.post(eq("transfer:1237:credit"), eq(PostingKind.TRANSFER), eq(BOB.shard()), anyList()))
			.willReturn(Settled.POSTED);
		given(inbox.firstTime(eq(IncomingTransfers.CONSUMER), any())).willReturn(false);

		incoming.handle(requested());

		verify(outbox, never()).append(any());
	}

	private OutboxEvent answer() {
		ArgumentCaptor<OutboxEvent> appended = ArgumentCaptor.forClass(OutboxEvent.class);
		verify(outbox).append(appended.capture());
		return appended.getValue();
	}

	private void switches(boolean crossZone) {
		global.offer(new GlobalView(global.version() + 1, TestRouting.evenly(1, "rz1", "rz2"),
				new Switches(Map.of("transfers.crossZone.enabled", Boolean.toString(crossZone))),
				Set.of(CurrencyCode.of("CNY"))));
	}

	private static ConsumerRecord<String, String> requested() {
		TransferRequested event = new TransferRequested(new TransferId(1_237), new UserId(9_937), BOB, 500, "CNY",
				Instant.parse("2026-11-11T00:00:00Z"));
		ConsumerRecord<String, String> record = new ConsumerRecord<>(TransferEvents.REQUESTS, 12, 7, "1237",
				JSON.writeValueAsString(event));
		record.headers().add(Outbox.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
		record.headers().add(Outbox.EVENT_TYPE, "TransferRequested".getBytes(StandardCharsets.UTF_8));
		record.headers().add(Outbox.TRACEPARENT, "00-trace-span-01".getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
