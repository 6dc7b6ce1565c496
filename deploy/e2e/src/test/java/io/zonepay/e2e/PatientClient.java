package io.zonepay.e2e;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Calls the way a careful client does: a call that gets no final answer (no answer, 5xx, a zone that does not serve the
 * shard yet, a key still in flight) is sent again, with the same Idempotency-Key and body, for a bounded time. Every
 * attempt that was not final is recorded, so a test can count what clients went through.
 */
final class PatientClient {

	private static final Duration PAUSE = Duration.ofMillis(200);

	private final Duration patience;

	private final List<Failure> failures = new CopyOnWriteArrayList<>();

	PatientClient(Duration patience) {
		this.patience = patience;
	}

	/** The first final answer (2xx or a 4xx business refusal), or the last one when patience runs out. */
	Http.Response call(String what, Supplier<Http.Response> call) {
		long deadline = System.nanoTime() + patience.toNanos();
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
			LockSupport.parkNanos(PAUSE.toNanos());
		}
	}

	/** Every attempt that had to be repeated. */
	List<Failure> failures() {
		return List.copyOf(failures);
	}

	private static boolean isFinal(int status) {
		return status < 500 && status != 421 && status != 409;
	}

	/** An attempt without a final answer: its status (0 when none came) and body. */
	record Failure(String what, int status, String body) {
	}
}
