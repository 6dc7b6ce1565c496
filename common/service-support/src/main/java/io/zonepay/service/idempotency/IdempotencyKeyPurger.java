package io.zonepay.service.idempotency;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/** Deletes keys past their retention, a bounded batch at a time, so the table does not grow without end. */
final class IdempotencyKeyPurger implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

	/** Bounds one purge run: a backlog is worked off over several runs rather than in one long one. */
	private static final int MAX_BATCHES_PER_RUN = 100;

	private final IdempotencyKeys keys;

	private final IdempotencyProperties properties;

	private volatile ScheduledExecutorService scheduler;

	IdempotencyKeyPurger(IdempotencyKeys keys, IdempotencyProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	void purge() {
		try {
			int total = 0;
			for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
				int deleted = keys.purgeCompletedBefore(properties.retention(), properties.purgeBatch());
				total += deleted;
				if (deleted < properties.purgeBatch()) {
					break;
				}
			}
			if (total > 0) {
				log.info("Purged {} idempotency keys older than {}", total, properties.retention());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Purging idempotency keys failed; the next run tries again: {}", ex.toString());
		}
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "idempotency-purge");
			thread.setDaemon(true);
			return thread;
		});
		long interval = properties.purgeInterval().toMillis();
		started.scheduleWithFixedDelay(this::purge, interval, interval, TimeUnit.MILLISECONDS);
		scheduler = started;
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
