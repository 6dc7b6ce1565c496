package io.zonepay.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import picocli.CommandLine.Option;

/**
 * The load a drill runs and what it does afterwards, the same for every drill; see
 * {@link DrillOptions} for the bounds. How long the load runs is {@link LoadLength}, but
 * for a freeze, whose {@code --seconds} is how long it freezes.
 */
final class DrillSettings {

	@Option(names = "--rate", defaultValue = "20", paramLabel = "N",
			description = "operations started per second (a payment is two requests), 1..500"
					+ " (default: ${DEFAULT-VALUE})")
	int rate;

	@Option(names = "--warm-up", defaultValue = "15", paramLabel = "N",
			description = "seconds of ramp-up before the disruption, at the earliest, 1..600"
					+ " (default: ${DEFAULT-VALUE})")
	int warmUp;

	@Option(names = "--users-per-zone", defaultValue = "6", paramLabel = "N",
			description = "users made in each RZone, 2..100 (default: ${DEFAULT-VALUE})")
	int usersPerZone;

	@Option(names = "--no-restore",
			description = "leave the platform as the drill left it, and print how to put it back")
	boolean noRestore;

	@Option(names = "--gateways", split = ",", paramLabel = "CITY=URL",
			description = "a city's gateway, such as hz=http://localhost:8080,sh=http://localhost:8081"
					+ " (default: the topology's)")
	Map<String, URI> gateways = new LinkedHashMap<>();

	@Option(names = "--admin", paramLabel = "URL",
			description = "the gateway for the GZone's /admin API (default: the first city's)")
	@Nullable URI admin;

}
