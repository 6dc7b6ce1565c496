package io.zonepay.platform;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Sends one request as a careful client does: after a failure (5xx, 421, no answer), a
 * 409 that says the first request with this key still runs, or a 429, it sends the very
 * same request again (same Idempotency-Key, same body) after the Retry-After it was
 * given, or after a pause that doubles from 250 ms to 2 s without one (with jitter, so
 * clients that failed together do not come back together and keep a recovering zone
 * down), until an answer decides or the operation's budget is spent. Every attempt is
 * recorded, first tries and retries alike.
 */
final class PersistentCall {

	/**
	 * How long a client keeps trying one operation (all its calls) before it gives up and
	 * calls the outcome unknown.
	 */
	static final Duration BUDGET = Duration.ofSeconds(20);

	private static final Duration PAUSE = Duration.ofMillis(250);

	private static final Duration LONGEST_BACKOFF = Duration.ofSeconds(2);

	/**
	 * A breaker's Retry-After can be long; a client still comes back within this, so a
	 * recovery is noticed.
	 */
	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

	private final PlatformApi api;

	private final Timeline timeline;

	private final Consumer<Attempt> attempts;

	PersistentCall(PlatformApi api, Timeline timeline, Consumer<Attempt> attempts) {
		this.api = api;
		this.timeline = timeline;
		this.attempts = attempts;
	}

	/** When an operation that starts now must have its answers: its budget from now. */
	Duration deadline() {
		return timeline.now().plus(BUDGET);
	}

	/**
	 * @param zone the original zone of the user the request is for, for the record
	 * @param deadline when the operation's budget runs out (see {@link #deadline()}); the
	 * first send always goes
	 * @return the deciding answer (a 2xx or a refusal), or empty when no attempt before
	 * the deadline got one: the outcome is unknown
	 */
	Optional<Answer> send(String zone, String call, HttpRequest request, Duration deadline)
			throws InterruptedException {
		// Bounded by the deadline: every round but the last sleeps at least PAUSE.
		for (int retry = 0;; retry++) {
			Duration sent = timeline.now();
			Answer answer = api.send(request);
			attempts.accept(new Attempt(sent, timeline.now(), zone, call, answer.status(), answer.code()));
			if (!answer.worthRetrying()) {
				return Optional.of(answer);
			}
			Duration pause = pause(answer, retry);
			if (timeline.now().plus(pause).compareTo(deadline) >= 0) {
				return Optional.empty();
			}
			Thread.sleep(pause.toMillis());
		}
	}

	static Duration pause(Answer answer, int retry) {
		Duration asked = answer.retryAfter();
		if (asked != null && asked.isPositive()) {
			return asked.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : asked;
		}
		long backoff = Math.min(LONGEST_BACKOFF.toMillis(), PAUSE.toMillis() << Math.min(retry, 4));
		return Duration
			.ofMillis(backoff * 3 / 4 + java.util.concurrent.ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
	}

}
