package io.zonepay.payment.transfer;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import io.zonepay.kernel.id.UserId;
import io.zonepay.payment.transfer.TransferEvents.TransferRequested;
import io.zonepay.payment.zone.LedgerClient;
import io.zonepay.payment.zone.LedgerClient.PostingKind;
import io.zonepay.payment.zone.LedgerClient.Settled;
import io.zonepay.payment.zone.UsersClient;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.service.inbox.Inbox;
import io.zonepay.service.outbox.Outbox;
import io.zonepay.service.outbox.OutboxEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payee's side of a cross-group transfer: credits the payee from the payee shard's
 * transit account, or refuses (cross-zone transfers off, no such payee) by voiding the
 * credit's reference, then answers the payer's zone. The ledger settles the credit's
 * reference for good before the answer is appended, so a redelivered request after a
 * crash anywhere finds the same outcome and answers the same: never a credit and a
 * refusal for one transfer.
 */
@Component
class IncomingTransfers {

	static final String CONSUMER = "payment-service.transfer-requests";

	private final LedgerClient ledger;

	private final UsersClient users;

	private final GlobalData global;

	private final Inbox inbox;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final TransferMetrics metrics;

	private final Clock clock;

	IncomingTransfers(LedgerClient ledger, UsersClient users, GlobalData global, Inbox inbox, Outbox outbox,
			TransactionTemplate transactions, JsonMapper json, TransferMetrics metrics, Clock clock) {
		this.ledger = ledger;
		this.users = users;
		this.global = global;
		this.inbox = inbox;
		this.outbox = outbox;
		this.transactions = transactions;
		this.json = json;
		this.metrics = metrics;
		this.clock = clock;
	}

	void handle(ConsumerRecord<String, String> record) {
		if (!EventHeaders.type(record).equals("TransferRequested")) {
			return;
		}
		TransferRequested request = json.readValue(record.value(), TransferRequested.class);
		OutboxEvent answer = answer(request, EventHeaders.trace(record));
		boolean first = Boolean.TRUE.equals(transactions.execute(status -> {
			if (!inbox.firstTime(CONSUMER, EventHeaders.eventId(record))) {
				return false;
			}
			outbox.append(answer);
			return true;
		}));
		if (first) {
			metrics.received(answer.type());
		}
	}

	/**
	 * Settles the credit at the ledger, both ways idempotent, and answers what the ledger
	 * says.
	 */
	private OutboxEvent answer(TransferRequested request, Map<String, String> trace) {
		TransferPosting credit = TransferPosting.credit(request.transferId(), request.toUserId(), request.money());
		Optional<TransferFailure> refusal = refusal(request.toUserId());
		Settled settled = refusal.isPresent() ? ledger.voidReference(credit.reference(), credit.shard())
				: ledger.post(credit.reference(), PostingKind.TRANSFER, credit.shard(), credit.legs());
		if (settled == Settled.INSUFFICIENT_FUNDS) {
			// The ledger knows no such payee (transit accounts may go negative, so money
			// is never short): refuse for good.
			settled = ledger.voidReference(credit.reference(), credit.shard());
			refusal = Optional.of(TransferFailure.RECIPIENT_NOT_FOUND);
		}
		if (settled == Settled.POSTED) {
			return TransferEvents.credited(request, trace, clock.instant());
		}
		// Voided by an earlier delivery if not by this one: then the switch was off, the
		// one reason that comes and goes.
		return TransferEvents.rejected(request, refusal.orElse(TransferFailure.CROSS_ZONE_DISABLED), trace,
				clock.instant());
	}

	private Optional<TransferFailure> refusal(UserId payee) {
		if (!global.switches().crossZoneTransfersEnabled()) {
			return Optional.of(TransferFailure.CROSS_ZONE_DISABLED);
		}
		return users.exists(payee) ? Optional.empty() : Optional.of(TransferFailure.RECIPIENT_NOT_FOUND);
	}

}
