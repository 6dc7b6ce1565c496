package io.zonepay.service.liveness;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.context.SmartLifecycle;

/**
 * The streams watching this service's liveness, all fed by one task on a thread of its
 * own (not the shared job scheduler's: a purge batch must not delay a line and make the
 * zone look frozen). Each watcher gets a line at the pace it asked for,
 * {@code CORRECT 17} or {@code BROKEN 18}: the liveness state, read once per wake-up for
 * every watcher due, and the line's number in its stream. A watcher whose write fails is
 * dropped, a stream ends after the longest duration, and no more than so many watch at
 * once. With nobody watching, nothing runs.
 *
 * <p>
 * Everything about the watchers is touched on the task's thread alone; request threads
 * only hand work to it. A line is a few bytes every interval and a stream ends within
 * minutes, so a write never fills a socket's buffer and blocks the thread.
 */
final class LivenessWatchers implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(LivenessWatchers.class);

	/** Watchers due within this of each other are written in one wake-up. */
	private static final long COALESCE_NANOS = Duration.ofMillis(5).toNanos();

	/** Bound on handing every watcher its end when the service stops. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(1);

	private final ApplicationAvailability availability;

	private final LivenessWatchProperties properties;

	/** Taken on a request's thread, so that a watcher too many is refused at once. */
	private final Semaphore slots;

	private final ScheduledThreadPoolExecutor ticker;

	private final List<Watcher> watchers = new ArrayList<>();

	private @Nullable ScheduledFuture<?> nextTick;

	private volatile boolean running;

	LivenessWatchers(ApplicationAvailability availability, LivenessWatchProperties properties) {
		this.availability = availability;
		this.properties = properties;
		this.slots = new Semaphore(properties.maxWatchers());
		// The thread starts with the first watcher.
		this.ticker = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "liveness-watch");
			thread.setDaemon(true);
			return thread;
		});
		ticker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		ticker.setRemoveOnCancelPolicy(true);
	}

	/**
	 * Takes a watcher on: its first line goes at once, the next ones at its interval,
	 * within the bounds. {@code null} when as many watch already or the service stops.
	 */
	@Nullable Watcher watch(LineSink sink, Duration interval) {
		if (!running || !slots.tryAcquire()) {
			return null;
		}
		long now = System.nanoTime();
		Watcher watcher = new Watcher(sink, properties.bounded(interval).toNanos(), now,
				now + properties.maxDuration().toNanos());
		try {
			ticker.execute(() -> join(watcher));
			return watcher;
		}
		catch (RejectedExecutionException stopped) {
			slots.release();
			return null;
		}
	}

	/**
	 * Forgets a watcher whose stream ended on its side (it left, or the request timed
	 * out), if it is still there.
	 */
	void leave(Watcher watcher) {
		try {
			ticker.execute(() -> {
				if (watchers.remove(watcher)) {
					slots.release();
				}
			});
		}
		catch (RejectedExecutionException stopped) {
			// Stopping ended every watcher already.
		}
	}

	private void join(Watcher watcher) {
		if (!running) {
			watcher.sink.end();
			slots.release();
			return;
		}
		watchers.add(watcher);
		tick();
	}

	private void tick() {
		try {
			long now = System.nanoTime();
			String state = availability.getLivenessState().name();
			for (Iterator<Watcher> each = watchers.iterator(); each.hasNext();) {
				if (!feed(each.next(), state, now)) {
					each.remove();
					slots.release();
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not write the liveness watchers their lines; trying again at the next one", ex);
		}
		finally {
			scheduleNext();
		}
	}

	/**
	 * Writes a watcher its line when it is due, or ends its stream when that is due;
	 * false once it is gone.
	 */
	private boolean feed(Watcher watcher, String state, long now) {
		if (now - watcher.endsAt >= 0) {
			watcher.sink.end();
			return false;
		}
		if (watcher.dueAt - now > COALESCE_NANOS) {
			return true;
		}
		try {
			watcher.sink.send(state + " " + (++watcher.lines) + "\n");
			watcher.dueAt = now + watcher.intervalNanos;
			return true;
		}
		catch (IOException | RuntimeException gone) {
			// The container ends a response whose write failed; there is nothing more to
			// tell it.
			log.debug("A liveness watcher is gone: {}", gone.toString());
			return false;
		}
	}

	private void scheduleNext() {
		if (nextTick != null) {
			nextTick.cancel(false);
			nextTick = null;
		}
		long now = System.nanoTime();
		long delay = Long.MAX_VALUE;
		for (Watcher watcher : watchers) {
			delay = Math.min(delay, Math.min(watcher.dueAt, watcher.endsAt) - now);
		}
		if (delay == Long.MAX_VALUE) {
			return;
		}
		try {
			nextTick = ticker.schedule(this::tick, Math.max(0, delay), TimeUnit.NANOSECONDS);
		}
		catch (RejectedExecutionException stopped) {
			// Stopping ends every watcher.
		}
	}

	private void endAll() {
		watchers.forEach(watcher -> watcher.sink.end());
		slots.release(watchers.size());
		watchers.clear();
		if (nextTick != null) {
			nextTick.cancel(false);
		}
	}

	@Override
	public void start() {
		running = true;
	}

	/**
	 * Ends every stream and takes no new watcher. Runs in the default phase, before the
	 * web server's graceful shutdown, which would otherwise wait for the streams until
	 * its timeout; a watcher then finds the service gone, as it would a killed one.
	 */
	@Override
	public void stop() {
		running = false;
		try {
			ticker.submit(this::endAll).get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException | RejectedExecutionException ex) {
			log.warn("Could not end every liveness stream in {}: {}", STOP_TIMEOUT, ex.toString());
		}
		ticker.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** One watcher's stream. Touched on the ticker's thread alone. */
	static final class Watcher {

		private final LineSink sink;

		private final long intervalNanos;

		private final long endsAt;

		private long dueAt;

		private long lines;

		private Watcher(LineSink sink, long intervalNanos, long dueAt, long endsAt) {
			this.sink = sink;
			this.intervalNanos = intervalNanos;
			this.dueAt = dueAt;
			this.endsAt = endsAt;
		}

	}

}
