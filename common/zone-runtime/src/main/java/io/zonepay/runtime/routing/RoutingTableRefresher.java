package io.zonepay.runtime.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link RoutingTables} fresh: each read that brings a newer epoch replaces the table. A failed read keeps the
 * last good table; routing never stops because global data is briefly out of reach.
 */
public final class RoutingTableRefresher {

	private static final Logger log = LoggerFactory.getLogger(RoutingTableRefresher.class);

	private final RoutingTableClient client;

	private final RoutingTables tables;

	private final Counter failures;

	private volatile boolean failing;

	public RoutingTableRefresher(RoutingTableClient client, RoutingTables tables, MeterRegistry registry) {
		this.client = client;
		this.tables = tables;
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
}
