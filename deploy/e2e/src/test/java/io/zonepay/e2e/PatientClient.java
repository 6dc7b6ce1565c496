package io.zonepay.e2e;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Calls the way a careful client does: a call that gets no final answer (no answer, 5xx,
 * a zone that does not serve the shard yet, a key still in flight, too many requests) is
 * sent again, with the same Idempotency-Key and body, for a bounded time: after the
 * answer's Retry-After, or else a pause doubling from 200 ms; at most 2 s either way,
 * with up to half of it added at random so that many clients do not come back in step.
 * Every attempt that was not final is recorded, so a test can count what clients went
 * through.
 */
final class PatientClient {

	private static final Duration FIRST_PAUSE = Duration.ofMillis(200);

	private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

	private final Duration patience;

	private final List<Failure> failures = new CopyOnWriteArrayList<>();

	PatientClient(Duration patience) {
		this.patience = patience;
	}

	/**
	 * The first final answer (2xx or a 4xx business refusal), or the last one when
	 * patience runs out.
	 */
	Http.Response call(String what, Supplier<Http.Response> call) {
		long deadline = System.nanoTime() + patience.toNanos();
		Duration backoff = FIRST_PAUSE;
		while (true) {
			Http.Response answer;
			try {
				answer = call.get();
				if (isFinal(answer.status())) {
					return answer;
				}
				failures.add(new Failure(what, answer.status(), answer.body()));
			}
			catch (UncheckedIOException ex) {
				answer = null;
				failures.add(new Failure(what, 0, ex.getMessage()));
			}
			if (System.nanoTime() > deadline) {
				if (answer == null) {
					throw new IllegalStateException(what + " got no answer within " + patience);
				}
				return answer;
			}
			LockSupport.parkNanos(pause(answer, backoff).toNanos());
			backoff = min(backoff.multipliedBy(2), LONGEST_PAUSE);
		}
	}

	private static Duration pause(Http.@Nullable Response answer, Duration backoff) {
		String retryAfter = answer == null ? null : answer.header("Retry-After");
		Duration pause = retryAfter == null ? backoff
				: min(Duration.ofSeconds(Long.parseLong(retryAfter)), LONGEST_PAUSE);
		return pause.plusMillis(ThreadLocalRandom.current().nextLong(pause.toMillis() / 2 + 1));
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

	/** Every attempt that had to be repeated. */
	List<Failure> failures() {
		return List.copyOf(failures);
	}

	private static boolean isFinal(int status) {
		return status < 500 && status != 421 && status != 409 && status != 429;
	}

	/** An attempt without a final answer: its status (0 when none came) and body. */
	record Failure(String what, int status, String body) {
	}

}
