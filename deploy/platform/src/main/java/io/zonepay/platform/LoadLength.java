package io.zonepay.platform;

import java.time.Duration;

import picocli.CommandLine.Option;

/**
 * How long a drill's load runs, warm-up included (a freeze derives it from how long it
 * freezes).
 */
final class LoadLength {

	@Option(names = "--seconds", defaultValue = "40", paramLabel = "N",
			description = "how long the load runs, warm-up included, 5..3600 (default: ${DEFAULT-VALUE})")
	int seconds;

	Duration duration() {
		return Duration.ofSeconds(seconds);
	}

}
