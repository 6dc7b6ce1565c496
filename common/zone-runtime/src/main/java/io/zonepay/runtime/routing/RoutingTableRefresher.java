package io.zonepay.runtime.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.SmartLifecycle;

/**
 * Keeps {@link RoutingTables} fresh by reading the table on one background thread at a fixed pace. A failed read
 * keeps the last good table; routing never stops because global data is briefly out of reach.
 */
public final class RoutingTableRefresher implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(RoutingTableRefresher.class);

	private final RoutingTableClient client;

	private final RoutingTables tables;

	private final Duration interval;

	private final Counter failures;

	private volatile ScheduledExecutorService scheduler;

	private volatile boolean failing;

	public RoutingTableRefresher(RoutingTableClient client, RoutingTables tables, Duration interval, MeterRegistry registry) {
		this.client = client;
		this.tables = tables;
		this.interval = interval;
		this.failures = Counter.builder("zonepay.routing.refresh.failures").description("Failed reads of the routing table").register(registry);
		registry.gauge("zonepay.routing.epoch", tables, RoutingTables::epoch);
	}

	/** Reads the table once, now, on the caller's thread; answers whether a newer epoch arrived. */
	public boolean refreshNow() {
		try {
			boolean newer = tables.offer(client.fetch());
			if (failing) {
				log.info("Routing table readable again from {}", client.uri());
				failing = false;
			}
			if (newer) {
				log.info("Routing table now at epoch {}", tables.epoch());
			}
			return newer;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			failures.increment();
			if (!failing) {
				// Log the first failure of a streak only; the counter tracks the rest. Before the first table, waiting for
				// config-service to come up is expected, not a warning.
				if (tables.current() == null) {
					log.info("Waiting for the routing table from {} ({})", client.uri(), ex.toString());
				}
				else {
					log.warn("Cannot read the routing table from {}: {}; keeping epoch {}", client.uri(), ex.toString(), tables.epoch());
				}
				failing = true;
			}
			return false;
		}
	}

	@Override
	public void start() {
		// The refresh thread logs as the zone that started it, even when several zones share a JVM.
		Map<String, String> logContext = MDC.getCopyOfContextMap();
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(() -> {
				if (logContext != null) {
					MDC.setContextMap(logContext);
				}
				runnable.run();
			}, "routing-refresh");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::refreshNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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
