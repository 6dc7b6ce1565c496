package io.zonepay.payment.transfer;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.money.CurrencyCode;
import io.zonepay.kernel.money.Money;
import io.zonepay.service.outbox.OutboxEvent;

/**
 * The saga's events, on two topics with a partition per shard: requests go to the payee's
 * shard, so the zone serving the payee credits it; results go to the transfer's (the
 * payer's) shard, so the payer's zone settles it.
 */
final class TransferEvents {

	/** {@link TransferRequested}, partition = the payee's shard. */
	static final String REQUESTS = "zonepay.transfers.requests";

	/**
	 * {@link TransferCredited} and {@link TransferRejected}, partition = the transfer's
	 * shard.
	 */
	static final String RESULTS = "zonepay.transfers.results";

	private TransferEvents() {
	}

	static OutboxEvent requested(Transfer transfer, Instant now) {
		TransferRequested event = new TransferRequested(transfer.id(), transfer.from(), transfer.to(),
				transfer.amount().amount(), transfer.amount().currency().code(), now);
		return OutboxEvent.of(REQUESTS, transfer.to().shard(), transfer.id().toString(), "TransferRequested", event);
	}

	/**
	 * A result continues the trace of the request it answers, whose context came in the
	 * request's headers.
	 */
	static OutboxEvent credited(TransferRequested request, Map<String, String> trace, Instant now) {
		return result(request, "TransferCredited", new TransferCredited(request.transferId(), now), trace);
	}

	static OutboxEvent rejected(TransferRequested request, TransferFailure failure, Map<String, String> trace,
			Instant now) {
		return result(request, "TransferRejected", new TransferRejected(request.transferId(), failure.name(), now),
				trace);
	}

	private static OutboxEvent result(TransferRequested request, String type, Object event, Map<String, String> trace) {
		return new OutboxEvent(UUID.randomUUID(), RESULTS, request.transferId().shard(),
				request.transferId().toString(), type, event, trace);
	}

	/**
	 * The payer's zone took the amount from the payer into transit; the payee's zone is
	 * to credit the payee. Its ids travel as strings of digits.
	 */
	record TransferRequested(TransferId transferId, UserId fromUserId, UserId toUserId, long amount, String currency,
			Instant occurredAt) {

		Money money() {
			return new Money(amount, CurrencyCode.of(currency));
		}
	}

	/** The payee's zone credited the payee. */
	record TransferCredited(TransferId transferId, Instant occurredAt) {
	}

	/**
	 * The payee's zone did not, and never will, credit the payee; the payer's zone
	 * returns the money.
	 */
	record TransferRejected(TransferId transferId, String code, Instant occurredAt) {
	}

}
