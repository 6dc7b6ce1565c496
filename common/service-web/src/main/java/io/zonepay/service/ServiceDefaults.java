package io.zonepay.service;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every zone service shares, added with the lowest precedence so a service's own
 * {@code application.yml} or the environment can still override any of them.
 */
public final class ServiceDefaults implements EnvironmentPostProcessor, Ordered {

	/**
	 * Zone, service, trace and span of a log line. Request threads carry the zone in the
	 * MDC; threads that do not (pools, start-up, the management server) fall back to the
	 * zone the process was configured with. Shadow work (full-link load tests) says so:
	 * {@code [shadow]}.
	 */
	private static final String CONTEXT = "[%X{zone:-${zonepay.zone.id:}},%X{service:-${spring.application.name:}}]"
			+ " [%X{traceId:-},%X{spanId:-}]%replace( [%X{traffic}]){' \\[\\]', ''}";

	static final Map<String, Object> DEFAULTS = defaults();

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// Every line says which zone and which trace it belongs to.
		defaults.put("logging.pattern.console", "%d{HH:mm:ss.SSS} %5p " + CONTEXT + " %-36.36logger{35} : %m%n%wEx");
		defaults.put("logging.pattern.file", "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %5p " + CONTEXT + " %logger : %m%n%wEx");
		// Kafka's clients and brokers explain every step at info.
		defaults.put("logging.level.org.apache.kafka", "warn");
		defaults.put("logging.level.kafka", "warn");
		// Several contexts may share a JVM; each keeps its own meters.
		defaults.put("management.metrics.use-global-registry", false);
		defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,globaldata");
		defaults.put("management.endpoint.health.probes.enabled", true);
		defaults.put("management.endpoint.health.show-details", "always");
		defaults.put("management.endpoint.health.group.readiness.include", "readinessState,routingTable,db");
		// No collector runs locally; point these at one in a real deployment.
		defaults.put("management.otlp.metrics.export.enabled", false);
		defaults.put("management.logging.export.otlp.enabled", false);
		defaults.put("spring.jpa.open-in-view", false);
		defaults.put("spring.jpa.hibernate.ddl-auto", "validate");
		defaults.put("spring.mvc.problemdetails.enabled", false);
		defaults.put("server.shutdown", "graceful");
		defaults.put("server.tomcat.threads.max", 100);
		defaults.put("server.tomcat.accept-count", 100);
		defaults.put("server.tomcat.connection-timeout", "5s");
		// Gateways keep connections to zones open for reuse; the zone must not close them
		// first (see gateway.yml).
		defaults.put("server.tomcat.keep-alive-timeout", "60s");
		defaults.put("server.tomcat.max-keep-alive-requests", 10000);
		defaults.put("spring.lifecycle.timeout-per-shutdown-phase", "10s");
		defaults.put("spring.datasource.hikari.maximum-pool-size", 10);
		defaults.put("spring.datasource.hikari.connection-timeout", 2000);
		defaults.put("spring.datasource.hikari.validation-timeout", 1000);
		// Every connection says which zone it writes for: the shard lease fence
		// (zonepay_fence) checks it. A transaction
		// left idle (its process paused or wedged) is ended by the database, so it cannot
		// hold a lease row for ever.
		defaults.put("spring.datasource.hikari.connection-init-sql",
				"select set_config('zonepay.zone', '${zonepay.zone.id:}', false),"
						+ " set_config('idle_in_transaction_session_timeout', '10s', false)");
		defaults.put("spring.threads.virtual.enabled", false);
		// Housekeeping jobs (purges, reconcilers) run on Spring's scheduler: a bounded
		// pool of named threads that takes no
		// new run once the service stops, and does not wait for the one in progress, a
		// bounded batch that the next start
		// takes up again. A service with more jobs than threads sets its own pool size.
		// Work that must never wait for
		// another job keeps a thread of its own (PeriodicTask: lease following, relays,
		// the routing table's refresh).
		defaults.put("spring.task.scheduling.pool.size", 2);
		defaults.put("spring.task.scheduling.thread-name-prefix", "zonepay-job-");
		defaults.put("spring.task.scheduling.shutdown.await-termination", false);
		// Every service publishes its OpenAPI description, on purpose: it describes the
		// API, not anyone's data.
		defaults.put("springdoc.api-docs.enabled", true);
		defaults.put("springdoc.swagger-ui.enabled", true);
		defaults.put("springdoc.swagger-ui.path", "/swagger-ui.html");
		defaults.put("springdoc.api-docs.path", "/v3/api-docs");
		// The document is the public API, as the gateways serve it: /internal/** is for
		// the zone's own services only.
		defaults.put("springdoc.paths-to-exclude", "/internal/**");
		defaults.put("springdoc.default-produces-media-type", "application/json");
		// A service is never a gateway, even when a gateway shares its JVM and classpath
		// (the end-to-end suite).
		defaults.put("spring.cloud.gateway.server.webflux.enabled", false);
		return Map.copyOf(defaults);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (application.getWebApplicationType() != WebApplicationType.SERVLET) {
			return;
		}
		environment.getPropertySources().addLast(new MapPropertySource("zonepayServiceDefaults", DEFAULTS));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
