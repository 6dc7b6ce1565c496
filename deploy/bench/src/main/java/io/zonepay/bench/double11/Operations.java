package io.zonepay.bench.double11;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

/**
 * Runs the operations of the mix against the gateways and tells the tally how each ended.
 * A shed request is sent again once, after its Retry-After, if the retry budget allows.
 */
final class Operations {

	private static final long AMOUNT = 199;

	private final Http http;

	private final RetryBudget budget = new RetryBudget();

	Operations(Http http) {
		this.http = http;
	}

	/** Starts the operation, due in the tally's second; completes when it ended. */
	CompletableFuture<Void> start(Mix.Operation operation, Tally tally, int second) {
		tally.offered(second, operation.kind());
		CompletableFuture<Outcome> outcome = switch (operation.kind()) {
			case CHECKOUT -> checkout(operation, tally);
			case TRANSFER_WITHIN, TRANSFER_ACROSS -> transfer(operation, tally);
			case READ -> read(operation.shopper(), tally, "/balances", operation.shopper().token());
			case BACKGROUND ->
				read(operation.shopper(), tally, "/ledger?limit=10", operation.shopper().backgroundToken());
		};
		return outcome.exceptionally(failure -> new Outcome.Failed("CLIENT", false))
			.thenAccept(ended -> tally.ended(second, operation.kind(), ended));
	}

	private CompletableFuture<Outcome> checkout(Mix.Operation operation, Tally tally) {
		Shopper shopper = operation.shopper();
		HttpRequest order = Http.post(shopper.gateway().resolve("/api/orders"), shopper.token(), Http.key(),
				"{\"merchantId\": \"" + operation.merchant() + "\", \"amount\": " + AMOUNT + ", \"currency\": \"CNY\"}",
				shopper.shadow());
		return attempt(order, shopper, tally, false).thenCompose(answer -> {
			if (!(answer instanceof Answer.Reply reply) || reply.status() != 201) {
				return CompletableFuture.completedFuture(answer.outcome());
			}
			String orderId = reply.json().get("orderId").asString();
			HttpRequest payment = Http.post(shopper.gateway().resolve("/api/payments"), shopper.token(), Http.key(),
					"{\"orderId\": \"" + orderId + "\"}", shopper.shadow());
			return attempt(payment, shopper, tally, true).thenApply(paid -> {
				if (paid instanceof Answer.Reply done && done.status() == 201) {
					String status = done.json().path("status").asString("");
					return status.equals("SUCCEEDED") ? new Outcome.Succeeded()
							: new Outcome.Failed(done.json().path("failureCode").asString(status), true);
				}
				return paid.outcome();
			});
		});
	}

	private CompletableFuture<Outcome> transfer(Mix.Operation operation, Tally tally) {
		Shopper shopper = operation.shopper();
		HttpRequest transfer = Http.post(shopper.gateway().resolve("/api/transfers"), shopper.token(), Http.key(),
				"{\"toUserId\": \"" + operation.payee().id() + "\", \"amount\": 1, \"currency\": \"CNY\"}",
				shopper.shadow());
		return attempt(transfer, shopper, tally, false).thenApply(
				answer -> answer instanceof Answer.Reply reply && (reply.status() == 201 || reply.status() == 202)
						? new Outcome.Succeeded() : answer.outcome());
	}

	private CompletableFuture<Outcome> read(Shopper shopper, Tally tally, String path, String token) {
		HttpRequest read = Http.get(shopper.gateway().resolve("/api/users/" + shopper.id() + path), token,
				shopper.shadow());
		return attempt(read, shopper, tally, false)
			.thenApply(answer -> answer instanceof Answer.Reply reply && reply.status() == 200 ? new Outcome.Succeeded()
					: answer.outcome());
	}

	/**
	 * Sends a request; a shed one again after its Retry-After if the budget allows. A
	 * request sent twice is the same request (its Idempotency-Key too).
	 */
	private CompletableFuture<Answer> attempt(HttpRequest request, Shopper shopper, Tally tally, boolean payment) {
		budget.requested();
		return send(request, shopper, tally, payment).thenCompose(answer -> {
			if (!(answer instanceof Answer.Refused refused) || !budget.tryRetry()) {
				return CompletableFuture.completedFuture(answer);
			}
			long pause = refused.retryAfterMillis() + ThreadLocalRandom.current().nextLong(500);
			return CompletableFuture
				.supplyAsync(() -> null, CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS))
				.thenCompose(ignored -> send(request, shopper, tally, payment));
		});
	}

	private CompletableFuture<Answer> send(HttpRequest request, Shopper shopper, Tally tally, boolean payment) {
		long sent = System.nanoTime();
		return http.send(request).handle((response, failure) -> {
			long answered = System.nanoTime();
			if (failure != null) {
				Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
				return new Answer.Lost(cause instanceof HttpTimeoutException ? "TIMEOUT" : "IO");
			}
			Answer answer = Answer.of(response);
			if (!(answer instanceof Answer.Refused)) {
				tally.answered(shopper.zone(), answered);
				if (payment) {
					tally.payment(shopper.zone(), answered, (answered - sent) / 1_000);
				}
			}
			return answer;
		});
	}

	/** What came back for one request. */
	sealed interface Answer {

		Outcome outcome();

		static Answer of(HttpResponse<String> response) {
			int status = response.statusCode();
			String body = response.body();
			if (status == 429
					|| status == 503 && (body.contains("\"OVERLOADED\"") || body.contains("\"SERVICE_BUSY\""))) {
				long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
				String code = status == 429 ? "RATE_LIMITED"
						: body.contains("\"OVERLOADED\"") ? "OVERLOADED" : "SERVICE_BUSY";
				return new Refused(code, seconds * 1_000);
			}
			return new Reply(status, parsed(body));
		}

		/**
		 * The body as JSON; an empty object when it is not JSON (a proxy's page, say).
		 */
		private static JsonNode parsed(String body) {
			try {
				return Http.json(body.isBlank() ? "{}" : body);
			}
			catch (RuntimeException ex) {
				return Http.json("{}");
			}
		}

		/** A zone's answer. */
		record Reply(int status, JsonNode json) implements Answer {

			@Override
			public Outcome outcome() {
				return new Outcome.Failed(json.path("code").asString("HTTP " + status), true);
			}

		}

		/**
		 * A refusal to protect a zone, by its gateway or by the zone's service past its
		 * capacity: retrying it (the same Idempotency-Key) is safe.
		 */
		record Refused(String code, long retryAfterMillis) implements Answer {

			@Override
			public Outcome outcome() {
				return new Outcome.Shed(code);
			}

		}

		/** No answer. */
		record Lost(String code) implements Answer {

			@Override
			public Outcome outcome() {
				return new Outcome.Failed(code, false);
			}

		}

	}

}
