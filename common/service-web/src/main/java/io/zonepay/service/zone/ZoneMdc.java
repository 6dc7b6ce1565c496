package io.zonepay.service.zone;

import java.util.Map;

import org.slf4j.MDC;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Puts the zone and service into the logging context of the thread that starts the
 * application, so start-up logs say which zone they belong to even when several zones
 * share one JVM (tests, the local platform).
 */
public final class ZoneMdc implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	/** MDC key of the zone id; the log pattern prints it on every line. */
	public static final String ZONE = "zone";

	/** MDC key of the service name. */
	public static final String SERVICE = "service";

	/**
	 * Work for a thread of a shared pool (a scheduled job) that logs as the zone and
	 * service of the thread that hands it over, as every log line of a request does.
	 */
	public static Runnable carried(Runnable work) {
		Map<String, String> context = MDC.getCopyOfContextMap();
		return () -> {
			if (context != null) {
				MDC.setContextMap(context);
			}
			try {
				work.run();
			}
			finally {
				MDC.clear();
			}
		};
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		Environment environment = event.getEnvironment();
		String zone = environment.getProperty("zonepay.zone.id");
		if (zone != null) {
			MDC.put(ZONE, zone);
		}
		String service = environment.getProperty("spring.application.name");
		if (service != null) {
			MDC.put(SERVICE, service);
		}
	}

}
