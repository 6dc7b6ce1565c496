package io.zonepay.runtime;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * Runs one piece of background work at a fixed pace on a named daemon thread, started and
 * stopped with the application. The thread logs as the zone that started it, and a failed
 * run never stops the next one.
 */
public final class PeriodicTask implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

	private final String name;

	private final Duration initialDelay;

	private final Duration interval;

	private final Runnable work;

	private volatile @Nullable ScheduledExecutorService scheduler;

	/**
	 * Set while a triggered run waits on the task's thread, so a burst of triggers costs
	 * one run.
	 */
	private final AtomicBoolean triggered = new AtomicBoolean();

	public PeriodicTask(String name, Duration initialDelay, Duration interval, Runnable work) {
		this.name = name;
		this.initialDelay = initialDelay;
		this.interval = interval;
		this.work = work;
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
		started.scheduleWithFixedDelay(this::runOnce, initialDelay.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
		scheduler = started;
	}

	/**
	 * Runs the work once more, soon, on the task's own thread (so never at the same time
	 * as a scheduled run).
	 */
	public void trigger() {
		ScheduledExecutorService running = scheduler;
		if (running != null && triggered.compareAndSet(false, true)) {
			try {
				running.execute(() -> {
					triggered.set(false);
					runOnce();
				});
			}
			catch (RejectedExecutionException ex) {
				// Stopping: nothing more to run.
				triggered.set(false);
			}
		}
	}

	private void runOnce() {
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			log.warn("{} failed; it runs again in {}", name, interval, ex);
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
