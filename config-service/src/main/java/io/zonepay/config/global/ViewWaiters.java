package io.zonepay.config.global;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Readers waiting for global data to move past the version they hold (long polls of the
 * view). Answered as soon as a newer version commits here: a write at the GZone, an
 * applied batch at a CZone.
 */
class ViewWaiters {

	private final Map<DeferredResult<?>, Waiter> waiting = new ConcurrentHashMap<>();

	/** Answers off the thread that committed, which must not wait for readers. */
	private final ExecutorService answers = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "view-waiters");
		thread.setDaemon(true);
		return thread;
	});

	void await(long known, DeferredResult<?> result, Runnable answer) {
		waiting.put(result, new Waiter(known, answer));
		result.onCompletion(() -> waiting.remove(result));
	}

	@TransactionalEventListener(fallbackExecution = true)
	void advanced(GlobalDataChanged change) {
		if (!change.touchesView()) {
			return;
		}
		waiting.forEach((result, waiter) -> {
			if (waiter.known() < change.version() && waiting.remove(result) != null) {
				answers.execute(waiter.answer());
			}
		});
	}

	int size() {
		return waiting.size();
	}

	void close() {
		answers.shutdownNow();
	}

	private record Waiter(long known, Runnable answer) {
	}

}
