package io.zonepay.runtime.global;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link GlobalData} current: long-polls the CZone with the version it holds (an
 * unchanged version costs a 304; a change is answered as it arrives) and takes the new
 * view. A failed read keeps the last good view and is retried after a pause; routing
 * never stops because global data is briefly out of reach.
 */
public final class GlobalDataRefresher {

	private static final Logger log = LoggerFactory.getLogger(GlobalDataRefresher.class);

	private final GlobalDataClient client;

	private final GlobalData data;

	private final Counter failures;

	private final Duration retryBackoff;

	private volatile boolean failing;

	private volatile long retryAt;

	public GlobalDataRefresher(GlobalDataClient client, GlobalData data, Duration retryBackoff,
			MeterRegistry registry) {
		this.client = client;
		this.data = data;
		this.retryBackoff = retryBackoff;
		this.failures = Counter.builder("zonepay.global.refresh.failures")
			.description("Failed reads of global data")
			.register(registry);
		registry.gauge("zonepay.global.version", data, GlobalData::version);
	}

	/**
	 * Reads once (a long poll), on the caller's thread; answers whether a newer version
	 * arrived.
	 */
	public boolean refreshNow() {
		if (failing && System.nanoTime() < retryAt) {
			return false;
		}
		try {
			boolean newer = client.viewIfNewerThan(data.version())
				.map(document -> data.offer(document.toView()))
				.orElse(false);
			data.confirmed();
			if (failing) {
				log.info("Global data readable again from {}", client.source());
				failing = false;
			}
			if (newer) {
				log.debug("Global data now at version {}", data.version());
			}
			return newer;
		}
		catch (Exception ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			failures.increment();
			retryAt = System.nanoTime() + retryBackoff.toNanos();
			if (!failing) {
				// Log the first failure of a streak only; the counter tracks the rest.
				// Before the first view, waiting for
				// the CZone to come up is expected, not a warning.
				if (data.view() == null) {
					log.info("Waiting for global data from {} ({})", client.source(), ex.toString());
				}
				else {
					log.warn("Cannot read global data from {}: {}; keeping version {}", client.source(), ex.toString(),
							data.version());
				}
				failing = true;
			}
			return false;
		}
	}

}
