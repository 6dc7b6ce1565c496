package io.zonepay.payment.transfer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.zonepay.kernel.global.Switches;
import io.zonepay.kernel.id.IdGenerator;
import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.payment.risk.RiskFixtures;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.UsersClient;
import io.zonepay.payment.zone.ZoneUnreachable;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.outbox.OutboxEvent;
import io.zonepay.service.shardgroup.ShardGroupProperties;
import io.zonepay.service.shardgroup.ShardGroups;
import io.zonepay.service.zone.ZoneProperties;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The payer's side: which posting a transfer makes, and what the ledger's answer makes of
 * it.
 */
class TransferFlowTests {

	private static final UserId ALICE = new UserId(9_937);

	/** Shard 12: sg1 with Alice's 37. */
	private static final UserId BOB = new UserId(8_812);

	/** Shard 88: sg2. */
	private static final UserId CAROL = new UserId(7_788);

	private final Map<TransferId, Transfer> stored = new HashMap<>();

	private final Transfers transfers = mock(Transfers.class);

	private final LedgerClient ledger = mock(LedgerClient.class);

	private final UsersClient users = mock(UsersClient.class);

	private final GlobalData global = new GlobalData(new RoutingTables(), null, 10, Duration.ofSeconds(1));

	private final Outbox outbox = mock(Outbox.class);

	private final TransactionTemplate transactions = mock(TransactionTemplate.class);

	private final TransferMetrics metrics = mock(TransferMetrics.class);

	private final ShardGroups groups = new ShardGroups(ShardGroupId.of("sg1"),
			Map.of("sg1", new ShardGroupProperties.Group("0-49", "jdbc:postgresql://sg1/payment"), "sg2",
					new ShardGroupProperties.Group("50-99", "jdbc:postgresql://sg2/payment")));

	private final TransferFlow flow = new TransferFlow(transfers, ledger, users, global, groups, new IdGenerator(7),
			outbox, transactions, metrics,
			new ZoneProperties(ZoneId.of("rz1"), CityId.of("hz"), ShardGroupId.of("sg1")), Clock.systemUTC(),
			RiskFixtures.blocking(20, 1_000_000));

	TransferFlowTests() {
		given(transactions.execute(any()))
			.willAnswer(call -> call.<TransactionCallback<?>>getArgument(0).doInTransaction(null));
		given(transfers.saveAndFlush(any())).willAnswer(call -> keep(call.getArgument(0)));
		given(transfers.save(any())).willAnswer(call -> keep(call.getArgument(0)));
		given(transfers.findById(any()))
			.willAnswer(call -> Optional.ofNullable(stored.get(call.<TransferId>getArgument(0))));
		given(transfers.findByRequestKey(anyString())).willReturn(Optional.empty());
		given(users.exists(BOB)).willReturn(true);
		switches(true);
	}

	@Test
	void inOneShardGroupOnePostingPaysThePayeeAndTheTransferIsCompletedAtOnce() {
		given(ledger.post(anyString(), eq(PostingKind.TRANSFER), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.POSTED);

		Transfer transfer = flow.transfer(ALICE, BOB, Money.of(500, "CNY"), "user:9937:k");

		assertThat(transfer.status()).isEqualTo(TransferStatus.COMPLETED);
		assertThat(transfer.route()).isEqualTo(TransferRoute.SAME_GROUP);
		verify(ledger).post("transfer:" + transfer.id(), PostingKind.TRANSFER, ALICE.shard(),
				TransferPosting.of(transfer).legs());
		verify(outbox, never()).append(any());
		verify(metrics).decided(transfer);
	}

	@Test
	void aSplitThatMovesThePayeeBeforeThePostingSendsTheTransferAcrossGroupsWithItsReferenceVoided() {
		AtomicReference<RoutingTable> table = new AtomicReference<>();
		ShardGroups splitting = new ShardGroups(ShardGroupId.of("sg1"), Map.of(), null, table::get);
		TransferFlow flow = new TransferFlow(transfers, ledger, users, global, splitting, new IdGenerator(7), outbox,
				transactions, metrics, new ZoneProperties(ZoneId.of("rz1"), CityId.of("hz"), ShardGroupId.of("sg1")),
				Clock.systemUTC(), RiskFixtures.blocking(20, 1_000_000));
		// Decided within sg1; the split moves Bob's shard 12 into sg5 before the posting.
		given(users.exists(BOB)).willAnswer(call -> {
			List<ShardGroupId> groups = new ArrayList<>();
			for (int shard = 0; shard < Shard.COUNT; shard++) {
				groups.add(ShardGroupId.of(shard == 12 ? "sg5" : "sg1"));
			}
			RoutingTable owners = TestRouting.evenly(2, "rz1");
			List<ZoneId> zones = new ArrayList<>();
			for (int shard = 0; shard < Shard.COUNT; shard++) {
				zones.add(owners.ownerOf(Shard.of(shard)));
			}
			table.set(RoutingTable.of(2, zones, groups, owners.zones()));
			return true;
		});
		given(ledger.find(anyString())).willReturn(Optional.empty());
		given(ledger.voidReference(anyString(), eq(ALICE.shard()))).willReturn(Settled.VOIDED);
		given(ledger.post(anyString(), eq(PostingKind.TRANSFER), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.POSTED);

		Transfer transfer = flow.transfer(ALICE, BOB, Money.of(500, "CNY"), "user:9937:k");

		assertThat(transfer.route()).isEqualTo(TransferRoute.CROSS_GROUP);
		assertThat(transfer.status()).isEqualTo(TransferStatus.DEBITED);
		verify(ledger).voidReference("transfer:" + transfer.id(), ALICE.shard());
		verify(ledger).post("transfer:" + transfer.id() + ":debit", PostingKind.TRANSFER, ALICE.shard(),
				TransferPosting.of(transfer).legs());
		verify(outbox).append(any());
	}

	@Test
	void inOneShardGroupAnUnknownPayeeFailsWithNothingPosted() {
		Transfer transfer = flow.transfer(ALICE, new UserId(1_112), Money.of(500, "CNY"), "user:9937:k");

		assertThat(transfer.status()).isEqualTo(TransferStatus.FAILED);
		assertThat(transfer.failureCode()).isEqualTo("RECIPIENT_NOT_FOUND");
		verify(ledger, never()).post(anyString(), any(), any(), anyList());
	}

	@Test
	void withoutTheMoneyTheReferenceIsVoidedAndTheTransferFails() {
		given(ledger.post(anyString(), eq(PostingKind.TRANSFER), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.INSUFFICIENT_FUNDS);
		given(ledger.voidReference(anyString(), eq(ALICE.shard()))).willReturn(Settled.VOIDED);

		Transfer transfer = flow.transfer(ALICE, CAROL, Money.of(500, "CNY"), "user:9937:k");

		assertThat(transfer.status()).isEqualTo(TransferStatus.FAILED);
		assertThat(transfer.failureCode()).isEqualTo("INSUFFICIENT_FUNDS");
		verify(ledger).voidReference("transfer:" + transfer.id() + ":debit", ALICE.shard());
		verify(outbox, never()).append(any());
	}

	@Test
	void acrossShardGroupsTheDebitIntoTransitIsHandedToThePayeesZoneInTheSameTransaction() {
		given(ledger.post(anyString(), eq(PostingKind.TRANSFER), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.POSTED);

		Transfer transfer = flow.transfer(ALICE, CAROL, Money.of(500, "CNY"), "user:9937:k");

		assertThat(transfer.status()).isEqualTo(TransferStatus.DEBITED);
		assertThat(transfer.route()).isEqualTo(TransferRoute.CROSS_GROUP);
		verify(ledger).post("transfer:" + transfer.id() + ":debit", PostingKind.TRANSFER, ALICE.shard(),
				TransferPosting.of(transfer).legs());
		ArgumentCaptor<OutboxEvent> appended = ArgumentCaptor.forClass(OutboxEvent.class);
		verify(outbox).append(appended.capture());
		assertThat(appended.getValue().type()).isEqualTo("TransferRequested");
		assertThat(appended.getValue().shard()).isEqualTo(CAROL.shard());
		verify(users, never()).exists(CAROL);
		verify(metrics, never()).decided(any());
	}

	@Test
	void aTransferLongInTransitHasItsRequestSentToThePayeesZoneAgainButOneAnsweredMeanwhileDoesNot() {
		given(ledger.post(anyString(), eq(PostingKind.TRANSFER), eq(ALICE.shard()), anyList()))
			.willReturn(Settled.POSTED);
		Transfer inTransit = flow.transfer(ALICE, CAROL, Money.of(500, "CNY"), "user:9937:k");

		flow.resend(inTransit);

		ArgumentCaptor<OutboxEvent> appended = ArgumentCaptor.forClass(OutboxEvent.class);
		verify(outbox, times(2)).append(appended.capture());
		assertThat(appended.getAllValues()).extracting(OutboxEvent::type)
			.containsExactly("TransferRequested", "TransferRequested");
		assertThat(appended.getAllValues()).extracting(OutboxEvent::shard).containsOnly(CAROL.shard());

		stored.get(inTransit.id()).complete(Instant.now());
		flow.resend(inTransit);

		verify(outbox, times(2)).append(any());
	}

	@Test
	void acrossShardGroupsWithTheSwitchOffNothingMovesAndTheTransferFailsAtOnce() {
		switches(false);

		Transfer transfer = flow.transfer(ALICE, CAROL, Money.of(500, "CNY"), "user:9937:k");

		assertThat(transfer.status()).isEqualTo(TransferStatus.FAILED);
		assertThat(transfer.failureCode()).isEqualTo("CROSS_ZONE_DISABLED");
		verify(ledger, never()).post(anyString(), any(), any(), anyList());
	}

	@Test
	void aLedgerThatDoesNotAnswerLeavesThePendingTransferForTheRetryOrTheReconciler() {
		given(ledger.post(anyString(), eq(PostingKind.TRANSFER), eq(ALICE.shard()), anyList()))
			.willThrow(new ZoneUnreachable("down"));

		assertThatThrownBy(() -> flow.transfer(ALICE, CAROL, Money.of(500, "CNY"), "user:9937:k"))
			.isInstanceOfSatisfying(ProblemException.class,
					problem -> assertThat(problem.problem().code()).isEqualTo("ZONE_UNAVAILABLE"));
		Transfer pending = stored.values().iterator().next();
		assertThat(pending.status()).isEqualTo(TransferStatus.PENDING);

		given(ledger.find("transfer:" + pending.id() + ":debit")).willReturn(Optional.of(Settled.POSTED));
		assertThat(flow.reconcile(pending).status()).isEqualTo(TransferStatus.DEBITED);
		verify(outbox).append(any());
	}

	@Test
	void theReconcilerVoidsAPostingThatNeverHappenedAndFailsTheTransfer() {
		given(ledger.post(anyString(), eq(PostingKind.TRANSFER), eq(ALICE.shard()), anyList()))
			.willThrow(new ZoneUnreachable("down"));
		assertThatThrownBy(() -> flow.transfer(ALICE, BOB, Money.of(500, "CNY"), "user:9937:k"))
			.isInstanceOf(ProblemException.class);
		Transfer pending = stored.values().iterator().next();
		given(ledger.find("transfer:" + pending.id())).willReturn(Optional.empty());
		given(ledger.voidReference("transfer:" + pending.id(), ALICE.shard())).willReturn(Settled.VOIDED);

		Transfer reconciled = flow.reconcile(pending);

		assertThat(reconciled.status()).isEqualTo(TransferStatus.FAILED);
		assertThat(reconciled.failureCode()).isEqualTo("NOT_COMPLETED");
	}

	private Transfer keep(Transfer transfer) {
		stored.put(transfer.id(), transfer);
		return transfer;
	}

	@Test
	void aZoneThatTakesNoPaymentsRefusesNewTransfersBeforeWritingAnything() {
		global.offer(new GlobalView(global.version() + 1, TestRouting.evenly(1, "rz1", "rz2"),
				new Switches(Map.of("zone.rz1.acceptingPayments", "false")), Set.of(CurrencyCode.of("CNY"))));

		assertThatThrownBy(() -> flow.transfer(ALICE, BOB, Money.of(500, "CNY"), "user:9937:k")).isInstanceOfSatisfying(
				ProblemException.class, problem -> assertThat(problem.problem().code()).isEqualTo("PAYMENTS_PAUSED"));
		verify(transfers, never()).saveAndFlush(any());
		verify(ledger, never()).post(anyString(), any(), any(), anyList());
	}

	private void switches(boolean crossZone) {
		global.offer(new GlobalView(global.version() + 1, TestRouting.evenly(1, "rz1", "rz2"),
				new Switches(Map.of("transfers.crossZone.enabled", Boolean.toString(crossZone))),
				Set.of(CurrencyCode.of("CNY"))));
	}

}
