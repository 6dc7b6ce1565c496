package io.zonepay.runtime.telemetry;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Tracing and latency-histogram defaults of every ZonePay process, gateway or zone
 * service, added with the lowest precedence so that a service's {@code application.yml},
 * its arguments or the environment override any of them.
 * <p>
 * Traces are exported only where a backend is configured: OTLP
 * ({@code management.opentelemetry.tracing.export.otlp.endpoint}, Spring Boot's own
 * switch) or Zipkin ({@code management.tracing.export.zipkin.endpoint}, which Boot would
 * otherwise send to {@code localhost:9411} unasked). Without one, nothing records spans:
 * the sampling probability is 0, so every span is a non-recording one that costs next to
 * nothing, yet trace ids still reach the logs and the next hop, and a sampled
 * {@code traceparent} from upstream is still honoured (the sampler is parent-based). With
 * a backend every trace is kept by default;
 * {@code management.tracing.sampling.probability} sets less.
 */
public final class TelemetryDefaults implements EnvironmentPostProcessor, Ordered {

	static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	static final String COMMON_OTLP_ENDPOINT = "management.opentelemetry.otlp.endpoint";

	static final String ZIPKIN_ENDPOINT = "management.tracing.export.zipkin.endpoint";

	static final String SAMPLING = "management.tracing.sampling.probability";

	static final String LOGS_OTLP_ENDPOINT = "management.opentelemetry.logging.export.otlp.endpoint";

	static final String OLD_LOGS_OTLP_ENDPOINT = "management.otlp.logging.endpoint";

	static final String EXEMPLARS = "management.tracing.exemplars.include";

	static Map<String, Object> defaults(boolean otlp, boolean zipkin, boolean logsExported) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		// OpenTelemetry's log processor exists whether or not logs are exported, and its
		// worker wakes every second; with nowhere to send logs, once a minute will do.
		if (!logsExported) {
			defaults.put("management.opentelemetry.logging.export.schedule-delay", "60s");
		}
		defaults.put(SAMPLING, otlp || zipkin ? 1.0 : 0.0);
		defaults.put("management.tracing.export.zipkin.enabled", zipkin);
		// With no span recorded there is no exemplar to keep, yet Prometheus' exemplar
		// samplers would still run on every histogram (and their scheduler's thread).
		defaults.put(EXEMPLARS, otlp || zipkin ? "sampled-traces" : "none");
		// Latency histograms of requests served and calls made, so that p99 can be read
		// wherever metrics are scraped
		// (Grafana's panels use http_server_requests_seconds_bucket). Bounded to what a
		// request can take here (a zone's
		// answer within 2 s, the gateway's within 10 s; below 5 ms is fast enough), which
		// keeps each timer to 50 buckets
		// instead of Micrometer's 68.
		for (String timer : new String[] { "http.server.requests", "http.client.requests" }) {
			defaults.put("management.metrics.distribution.percentiles-histogram." + timer, true);
			defaults.put("management.metrics.distribution.minimum-expected-value." + timer, "5ms");
			defaults.put("management.metrics.distribution.maximum-expected-value." + timer, "10s");
		}
		return defaults;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		boolean otlp = configured(environment, OTLP_ENDPOINT) || configured(environment, COMMON_OTLP_ENDPOINT);
		boolean zipkin = configured(environment, ZIPKIN_ENDPOINT);
		boolean logs = configured(environment, LOGS_OTLP_ENDPOINT) || configured(environment, OLD_LOGS_OTLP_ENDPOINT);
		environment.getPropertySources()
			.addLast(new MapPropertySource("zonepayTelemetryDefaults", defaults(otlp, zipkin, logs)));
	}

	private static boolean configured(ConfigurableEnvironment environment, String endpoint) {
		return StringUtils.hasText(environment.getProperty(endpoint));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
