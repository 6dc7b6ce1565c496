package io.zonepay.config.global;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * Readers waiting for global data to move past the version they hold (long polls of the
 * view). Answered as soon as a newer version commits here: a write at the GZone, an
 * applied batch at a CZone. A CZone's copy that went stale lets them go, so that they ask
 * again and are answered from the GZone: that is what lets a reader be held for seconds
 * rather than less than the staleness bound.
 */
class ViewWaiters {

	/**
	 * How long a stale copy holds a reader at least before letting it go: each let go
	 * reads the GZone once, so a reader of a copy that stays behind asks about twice a
	 * second rather than in a busy loop.
	 */
	static final Duration STALE_HOLD = Duration.ofMillis(500);

	private final Map<DeferredResult<?>, Waiter> waiting = new ConcurrentHashMap<>();

	/**
	 * Answers off the thread that committed, which must not wait for readers, and ends
	 * each hold on time.
	 */
	private final ScheduledExecutorService answers = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "view-waiters");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Holds a reader until a newer version than {@code known} commits ({@code answer}) or
	 * {@code hold} passes ({@code expired}). The hold is ended here rather than by the
	 * container's async timeout, which Tomcat looks at only once a second: a hold of 2 s
	 * would last up to 3 s, the reader's own timeout.
	 */
	void await(long known, DeferredResult<?> result, Runnable answer, Duration hold, Runnable expired) {
		waiting.put(result, new Waiter(known, answer, System.nanoTime()));
		result.onCompletion(() -> waiting.remove(result));
		answers.schedule(() -> {
			if (waiting.remove(result) != null) {
				expired.run();
			}
		}, hold.toMillis(), TimeUnit.MILLISECONDS);
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

	@EventListener
	void stale(CopyWentStale stale) {
		long now = System.nanoTime();
		waiting.forEach((result, waiter) -> {
			if (now - waiter.since() >= STALE_HOLD.toNanos() && waiting.remove(result) != null) {
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

	private record Waiter(long known, Runnable answer, long since) {
	}

}
