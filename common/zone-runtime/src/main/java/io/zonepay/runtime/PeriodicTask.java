package io.zonepay.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Runs one piece of background work at a fixed pace on a named daemon thread, started and
 * stopped with the application. The thread logs as the zone that started it, and a failed
 * run never stops the next one. A task that {@link #resting rests} runs at its pace only
 * while its work says there is more to do, and otherwise waits its rest interval or a
 * {@link #trigger()}: an idle zone then wakes for it once a second, not ten times.
 */
public final class PeriodicTask implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

	private final String name;

	private final Duration initialDelay;

	private final Duration interval;

	private final Duration rest;

	private final BooleanSupplier work;

	private volatile @Nullable ScheduledExecutorService scheduler;

	/** The next scheduled run; only the task's own thread replaces it. */
	private volatile @Nullable ScheduledFuture<?> next;

	/**
	 * Set while a triggered run waits on the task's thread, so a burst of triggers costs
	 * one run.
	 */
	private final AtomicBoolean triggered = new AtomicBoolean();

	public PeriodicTask(String name, Duration initialDelay, Duration interval, Runnable work) {
		this(name, initialDelay, interval, interval, () -> {
			work.run();
			return true;
		});
	}

	private PeriodicTask(String name, Duration initialDelay, Duration interval, Duration rest, BooleanSupplier work) {
		this.name = name;
		this.initialDelay = initialDelay;
		this.interval = interval;
		this.rest = rest;
		this.work = work;
	}

	/**
	 * A task whose work answers whether it has more to do: it runs every {@code interval}
	 * while it does, then every {@code rest} until something {@link #trigger() triggers}
	 * it.
	 */
	public static PeriodicTask resting(String name, Duration interval, Duration rest, BooleanSupplier work) {
		return new PeriodicTask(name, Duration.ZERO, interval, rest, work);
	}

	@Override
	public void start() {
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(() -> {
				if (logContext != null) {
					MDC.setContextMap(logContext);
				}
				runnable.run();
			}, name);
			thread.setDaemon(true);
			return thread;
		});
		scheduler = started;
		// Scheduled from the task's own thread, so that the first run (with no initial
		// delay) cannot replace next before it is set and leave a second chain of runs.
		started.execute(() -> next = started.schedule(this::step, initialDelay.toMillis(), TimeUnit.MILLISECONDS));
	}

	/**
	 * Runs the work once more, soon, on the task's own thread (so never at the same time
	 * as a scheduled run).
	 */
	public void trigger() {
		trigger(Duration.ZERO);
	}

	/**
	 * Runs the work once more after {@code linger}, on the task's own thread: every
	 * trigger until then is answered by that one run, so work that comes in bursts (a
	 * commit each) is done in batches of what the linger gathered.
	 */
	public void trigger(Duration linger) {
		ScheduledExecutorService running = scheduler;
		if (running != null && triggered.compareAndSet(false, true)) {
			try {
				running.schedule(() -> {
					triggered.set(false);
					step();
				}, linger.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Stopping: nothing more to run.
				triggered.set(false);
			}
		}
	}

	/**
	 * One run, then the next one scheduled at the pace it asks for (a triggered run
	 * replaces the pending one, so runs never pile up).
	 */
	private void step() {
		boolean more = runOnce();
		ScheduledExecutorService running = scheduler;
		ScheduledFuture<?> pending = next;
		if (pending != null) {
			pending.cancel(false);
		}
		if (running != null) {
			try {
				next = running.schedule(this::step, (more ? interval : rest).toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Stopping: nothing more to run.
			}
		}
	}

	private boolean runOnce() {
		try {
			return work.getAsBoolean();
		}
		catch (RuntimeException ex) {
			log.warn("{} failed; it runs again in {}", name, interval, ex);
			return true;
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = scheduler;
		if (running != null) {
			running.shutdownNow();
			scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return scheduler != null;
	}

}
