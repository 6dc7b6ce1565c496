package io.zonepay.payment.transfer;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiPredicate;

import io.zonepay.payment.transfer.TransferEvents.TransferCredited;
import io.zonepay.payment.transfer.TransferEvents.TransferRejected;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.service.inbox.Inbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payer's side of the end of a cross-group transfer: credited means COMPLETED;
 * rejected means the debit goes back from transit to the payer, then FAILED with the
 * payee zone's code. Each result is applied in one transaction with its inbox entry; the
 * return posting before it is idempotent by reference, so a redelivered result changes
 * nothing.
 */
@Component
class TransferOutcomes {

	static final String CONSUMER = "payment-service.transfer-results";

	private final Transfers transfers;

	private final LedgerClient ledger;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final TransferMetrics metrics;

	private final Clock clock;

	TransferOutcomes(Transfers transfers, LedgerClient ledger, Inbox inbox, TransactionTemplate transactions,
			JsonMapper json, TransferMetrics metrics, Clock clock) {
		this.transfers = transfers;
		this.ledger = ledger;
		this.inbox = inbox;
		this.transactions = transactions;
		this.json = json;
		this.metrics = metrics;
		this.clock = clock;
	}

	void handle(ConsumerRecord<String, String> record) {
		UUID eventId = EventHeaders.eventId(record);
		switch (EventHeaders.type(record)) {
			case "TransferCredited" -> credited(json.readValue(record.value(), TransferCredited.class), eventId);
			case "TransferRejected" -> rejected(json.readValue(record.value(), TransferRejected.class), eventId);
			default -> {
				// No other results yet; a newer producer's are not ours to guess at.
			}
		}
	}

	private void credited(TransferCredited credited, UUID eventId) {
		apply(eventId, credited.transferId(), Transfer::complete);
	}

	private void rejected(TransferRejected rejected, UUID eventId) {
		TransferId transferId = rejected.transferId();
		TransferFailure failure = TransferFailure.valueOf(rejected.code());
		Transfer transfer = find(transferId);
		if (transfer.status() == TransferStatus.DEBITED) {
			TransferPosting back = TransferPosting.returned(transfer);
			Settled settled = ledger.post(back.reference(), PostingKind.TRANSFER, back.shard(), back.legs());
			if (settled != Settled.POSTED) {
				throw new IllegalStateException("the return of transfer " + transferId + " was not posted: " + settled);
			}
		}
		apply(eventId, transferId, (found, now) -> found.failReturned(failure, now));
	}

	/** Applies a result once: with its inbox entry, in one transaction. */
	private void apply(UUID eventId, TransferId transferId, BiPredicate<Transfer, Instant> transition) {
		@Nullable Transfer decided = transactions.execute(status -> {
			if (!inbox.firstTime(CONSUMER, eventId)) {
				return null;
			}
			Transfer transfer = find(transferId);
			return transition.test(transfer, clock.instant()) ? transfers.save(transfer) : null;
		});
		if (decided != null) {
			metrics.decided(decided);
		}
	}

	private Transfer find(TransferId transferId) {
		return transfers.findById(transferId)
			.orElseThrow(() -> new IllegalStateException("no transfer " + transferId + " in this shard group"));
	}

}
