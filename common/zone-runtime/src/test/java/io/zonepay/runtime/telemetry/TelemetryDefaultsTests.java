package io.zonepay.runtime.telemetry;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class TelemetryDefaultsTests {

	@Test
	void recordsNoSpanAndExportsNothingWhenNoBackendIsConfigured() {
		MockEnvironment environment = processed(Map.of());

		assertThat(environment.getProperty("management.tracing.sampling.probability", Double.class)).isZero();
		assertThat(environment.getProperty("management.tracing.export.zipkin.enabled", Boolean.class)).isFalse();
		assertThat(environment.getProperty("management.tracing.exemplars.include")).isEqualTo("none");
	}

	@Test
	void theLogProcessorWakesOnceAMinuteWhenLogsGoNowhere() {
		assertThat(processed(Map.of()).getProperty("management.opentelemetry.logging.export.schedule-delay"))
			.isEqualTo("60s");
		assertThat(processed(
				Map.of("management.opentelemetry.logging.export.otlp.endpoint", "http://collector:4318/v1/logs"))
			.getProperty("management.opentelemetry.logging.export.schedule-delay")).isNull();
	}

	@Test
	void keepsEveryTraceForAnOtlpBackend() {
		MockEnvironment environment = processed(
				Map.of("management.opentelemetry.tracing.export.otlp.endpoint", "http://collector:4318/v1/traces"));

		assertThat(environment.getProperty("management.tracing.sampling.probability", Double.class)).isEqualTo(1.0);
		assertThat(environment.getProperty("management.tracing.exemplars.include")).isEqualTo("sampled-traces");
		assertThat(environment.getProperty("management.tracing.export.zipkin.enabled", Boolean.class)).isFalse();
	}

	@Test
	void exportsToZipkinOnlyWhenItsEndpointIsGiven() {
		MockEnvironment environment = processed(
				Map.of("management.tracing.export.zipkin.endpoint", "http://zipkin:9411/api/v2/spans"));

		assertThat(environment.getProperty("management.tracing.sampling.probability", Double.class)).isEqualTo(1.0);
		assertThat(environment.getProperty("management.tracing.export.zipkin.enabled", Boolean.class)).isTrue();
	}

	@Test
	void aConfiguredProbabilityWins() {
		MockEnvironment environment = processed(Map.of("management.tracing.export.zipkin.endpoint",
				"http://zipkin:9411/api/v2/spans", "management.tracing.sampling.probability", "0.1"));

		assertThat(environment.getProperty("management.tracing.sampling.probability", Double.class)).isEqualTo(0.1);
	}

	@Test
	void recordsLatencyHistogramsOfRequestsServedAndCallsMade() {
		MockEnvironment environment = processed(Map.of());

		assertThat(environment.getProperty("management.metrics.distribution.percentiles-histogram.http.server.requests",
				Boolean.class))
			.isTrue();
		assertThat(environment.getProperty("management.metrics.distribution.percentiles-histogram.http.client.requests",
				Boolean.class))
			.isTrue();
		assertThat(
				environment.getProperty("management.metrics.distribution.maximum-expected-value.http.server.requests"))
			.isEqualTo("10s");
	}

	private static MockEnvironment processed(Map<String, Object> configured) {
		MockEnvironment environment = new MockEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("configured", configured));
		new TelemetryDefaults().postProcessEnvironment(environment, new SpringApplication());
		return environment;
	}

}
