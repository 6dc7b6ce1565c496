package io.zonepay.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One thing a drill user set out to do (a payment: order, then pay; or a transfer) and
 * how it ended as the client knows it: acknowledged (a 2xx, with the id and status it
 * carried), refused (a 4xx that decides), unknown (no deciding answer within the retry
 * budget), or, for a payment whose order was never placed, not placed (no money could
 * move).
 *
 * @param key the Idempotency-Key of the money-moving call, which a retry or a later
 * resolution sends again
 * @param status for an acknowledged operation its status ({@code SUCCEEDED},
 * {@code FAILED}, {@code PENDING}, {@code COMPLETED}); for a refused one the refusal
 * ({@code 422 INSUFFICIENT_FUNDS})
 * @param resolvedLater whether its outcome was only learnt after the load, by sending the
 * same request again
 */
record Operation(long number, Kind kind, Duration started, DrillUser payer, @Nullable DrillUser payee, long amount,
		String key, @Nullable String orderId, Outcome outcome, @Nullable String id, @Nullable String status,
		boolean resolvedLater) {

	enum Kind {

		PAYMENT, TRANSFER

	}

	enum Outcome {

		ACKNOWLEDGED, REFUSED, UNKNOWN, NOT_PLACED

	}

	/** A payment whose order was placed: the pay call is next. */
	static Operation payment(long number, Duration started, DrillUser payer, long amount, String key,
			@Nullable String orderId) {
		return new Operation(number, Kind.PAYMENT, started, payer, null, amount, key, orderId,
				orderId == null ? Outcome.NOT_PLACED : Outcome.UNKNOWN, null, null, false);
	}

	static Operation transfer(long number, Duration started, DrillUser payer, DrillUser payee, long amount,
			String key) {
		return new Operation(number, Kind.TRANSFER, started, payer, payee, amount, key, null, Outcome.UNKNOWN, null,
				null, false);
	}

	/** This operation as the deciding answer of its money-moving call says it ended. */
	Operation decidedBy(Answer answer) {
		if (answer.succeeded()) {
			String idField = kind == Kind.PAYMENT ? "paymentId" : "transferId";
			return new Operation(number, kind, started, payer, payee, amount, key, orderId, Outcome.ACKNOWLEDGED,
					answer.field(idField), answer.field("status"), resolvedLater);
		}
		return new Operation(number, kind, started, payer, payee, amount, key, orderId, Outcome.REFUSED, null,
				answer.label(), resolvedLater);
	}

	Operation withStatus(String newStatus) {
		return new Operation(number, kind, started, payer, payee, amount, key, orderId, outcome, id, newStatus,
				resolvedLater);
	}

	Operation resolved() {
		return new Operation(number, kind, started, payer, payee, amount, key, orderId, outcome, id, status, true);
	}

	boolean acknowledged() {
		return outcome == Outcome.ACKNOWLEDGED;
	}

	/**
	 * Whether the client was told that money moved: a SUCCEEDED payment or a COMPLETED
	 * transfer.
	 */
	boolean movedMoney() {
		return acknowledged() && ("SUCCEEDED".equals(status) || "COMPLETED".equals(status));
	}

	/**
	 * Whether the client cannot tell yet what happened to the money: unknown, or a
	 * transfer still PENDING.
	 */
	boolean undecided() {
		return outcome == Outcome.UNKNOWN || (acknowledged() && "PENDING".equals(status));
	}
}
