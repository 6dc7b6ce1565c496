package io.zonepay.runtime.telemetry;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * One switch for the log format of every ZonePay process:
 * {@code zonepay.logging.format=json} (or the environment's
 * {@code ZONEPAY_LOGGING_FORMAT=json}) writes console and file lines as Elastic Common
 * Schema JSON, Boot's structured logging, with the zone, service and trace id of each
 * line as fields; {@code text}, the default, keeps the patterns. It runs before logging
 * starts, and an explicit {@code logging.structured.format.*} still wins.
 */
public final class LogFormat implements EnvironmentPostProcessor, Ordered {

	static final String FORMAT = "zonepay.logging.format";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String format = environment.getProperty(FORMAT, "text").trim().toLowerCase(Locale.ROOT);
		switch (format) {
			case "text" -> {
			}
			// The MDC (zone, service, traceId, spanId) goes under ECS's labels: at the
			// top level its service would
			// collide with ECS's own service object, and logback would drop the line.
			case "json" -> environment.getPropertySources()
				.addLast(new MapPropertySource("zonepayLogFormat", Map.of("logging.structured.format.console", "ecs",
						"logging.structured.format.file", "ecs", "logging.structured.json.context.prefix", "labels")));
			default -> throw new IllegalStateException(FORMAT + " is 'text' or 'json', not '" + format + "'");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
