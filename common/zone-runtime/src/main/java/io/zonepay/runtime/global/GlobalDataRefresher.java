package io.zonepay.runtime.global;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link GlobalData} current: asks the CZone whether the version moved (an unchanged version costs a 304) and
 * takes the new view when it did. A failed read keeps the last good view; routing never stops because global data is
 * briefly out of reach.
 */
public final class GlobalDataRefresher {

	private static final Logger log = LoggerFactory.getLogger(GlobalDataRefresher.class);

	private final GlobalDataClient client;

	private final GlobalData data;

	private final Counter failures;

	private volatile boolean failing;

	public GlobalDataRefresher(GlobalDataClient client, GlobalData data, MeterRegistry registry) {
		this.client = client;
		this.data = data;
		this.failures = Counter.builder("zonepay.global.refresh.failures").description("Failed reads of global data").register(registry);
		registry.gauge("zonepay.global.version", data, GlobalData::version);
	}

	/** Reads once, now, on the caller's thread; answers whether a newer version arrived. */
	public boolean refreshNow() {
		try {
			boolean newer = client.viewIfNewerThan(data.version()).map(document -> data.offer(document.toView())).orElse(false);
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
			if (!failing) {
				// Log the first failure of a streak only; the counter tracks the rest. Before the first view, waiting for
				// the CZone to come up is expected, not a warning.
				if (data.view() == null) {
					log.info("Waiting for global data from {} ({})", client.source(), ex.toString());
				}
				else {
					log.warn("Cannot read global data from {}: {}; keeping version {}", client.source(), ex.toString(), data.version());
				}
				failing = true;
			}
			return false;
		}
	}
}
