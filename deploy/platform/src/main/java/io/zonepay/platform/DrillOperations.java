package io.zonepay.platform;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The two things a drill user does, as a client does them through its city's gateway: a
 * payment (place an order, then pay it) and a transfer to another user. Each money-moving
 * call has its own Idempotency-Key, which every retry, and any later resolution of an
 * unknown outcome, sends again with the same body.
 */
final class DrillOperations {

	static final String CURRENCY = "CNY";

	private final PersistentCall calls;

	private final String merchantId;

	private final String keyPrefix;

	DrillOperations(PersistentCall calls, String merchantId, String keyPrefix) {
		this.calls = calls;
		this.merchantId = merchantId;
		this.keyPrefix = keyPrefix;
	}

	Operation pay(long number, Duration started, DrillUser payer, long amount) throws InterruptedException {
		String key = keyPrefix + "-" + number;
		Duration deadline = calls.deadline();
		HttpRequest order = PlatformApi.post(payer.gateway(), "/api/orders", payer.token(), key + "-order", Map
			.of("merchantId", merchantId, "amount", amount, "currency", CURRENCY, "description", "drill " + number));
		// An order moves no money: one that was not placed (refused, or its outcome
		// unknown) leaves nothing to audit.
		String orderId = calls.send(payer.zone(), "order", order, deadline)
			.filter(Answer::succeeded)
			.map(answer -> answer.field("orderId"))
			.orElse(null);
		Operation payment = Operation.payment(number, started, payer, amount, key + "-pay", orderId);
		return orderId == null ? payment : finish(payment, deadline);
	}

	Operation transfer(long number, Duration started, DrillUser payer, DrillUser payee, long amount)
			throws InterruptedException {
		return finish(Operation.transfer(number, started, payer, payee, amount, keyPrefix + "-" + number + "-transfer"),
				calls.deadline());
	}

	/**
	 * Sends an unknown operation's money-moving call once more, with a budget of its own,
	 * and takes what decides it.
	 */
	Operation resolve(Operation operation) throws InterruptedException {
		return finish(operation.resolved(), calls.deadline());
	}

	/** Sends an operation's money-moving call and takes what decides it. */
	private Operation finish(Operation operation, Duration deadline) throws InterruptedException {
		String call = operation.kind() == Operation.Kind.PAYMENT ? "pay" : "transfer";
		return calls.send(operation.payer().zone(), call, request(operation), deadline)
			.map(operation::decidedBy)
			.orElse(operation);
	}

	/**
	 * A transfer's status as its payer sees it now; empty when the platform did not
	 * answer this once.
	 */
	Optional<String> transferStatus(PlatformApi api, Operation transfer) throws InterruptedException {
		DrillUser payer = transfer.payer();
		Answer answer = api.send(PlatformApi.get(payer.gateway(), "/api/transfers/" + transfer.id(), payer.token()));
		return answer.status() == 200 ? Optional.of(answer.field("status")) : Optional.empty();
	}

	private HttpRequest request(Operation operation) {
		DrillUser payer = operation.payer();
		if (operation.kind() == Operation.Kind.PAYMENT) {
			return PlatformApi.post(payer.gateway(), "/api/payments", payer.token(), operation.key(),
					Map.of("orderId", String.valueOf(operation.orderId())));
		}
		DrillUser payee = java.util.Objects.requireNonNull(operation.payee(), "a transfer has a payee");
		return PlatformApi.post(payer.gateway(), "/api/transfers", payer.token(), operation.key(),
				Map.of("toUserId", payee.id(), "amount", operation.amount(), "currency", CURRENCY));
	}

}
