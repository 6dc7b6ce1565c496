package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code ./zonepay drill zone-down <zone> | drain <from> <to>} and its options.
 * @param zone the zone killed, or the one drained
 * @param target where a drain moves the shards; null for zone-down
 * @param rate operations started per second (a payment is two requests, an order and its payment; a transfer one)
 * @param duration how long the load runs, warm-up included
 * @param warmUp how long the load ramps up to its rate before the disruption (at the earliest)
 * @param gateways each city's gateway, by city id
 * @param admin the gateway through which the drill calls the GZone's {@code /admin} API
 */
record DrillOptions(Kind kind, String zone, @Nullable String target, int rate, Duration duration, Duration warmUp, int usersPerZone,
		boolean restore, Map<String, URI> gateways, URI admin) {

	static final String USAGE = "drill zone-down <zone> | drain <from> <to>  [--rate 20] [--seconds 40] [--warm-up 15] [--users-per-zone 6]"
			+ " [--no-restore] [--gateways hz=http://localhost:8080,sh=http://localhost:8081] [--admin http://localhost:8080]";

	enum Kind {

		ZONE_DOWN("zone-down"), DRAIN("drain");

		private final String command;

		Kind(String command) {
			this.command = command;
		}

		String command() {
			return command;
		}
	}

	/**
	 * @param defaultGateways each city's gateway as the run's topology declares it, in the topology's order; the first
	 * city's is the default admin gateway (the GZone's city comes first in the local topology)
	 */
	static DrillOptions parse(Options options, Map<String, URI> defaultGateways) {
		// First, so that a flag that swallowed a zone name is named as the cause rather than the count of zones.
		boolean restore = !flag(options, "no-restore");
		List<String> positional = options.positional();
		Kind kind = kind(positional);
		int expected = kind == Kind.ZONE_DOWN ? 3 : 4;
		if (positional.size() != expected) {
			throw new IllegalArgumentException("usage: ./zonepay " + USAGE);
		}
		String zone = positional.get(2);
		String target = kind == Kind.DRAIN ? positional.get(3) : null;
		if (zone.equals(target)) {
			throw new IllegalArgumentException("a drain moves shards from one zone to another, not to " + zone + " itself");
		}
		int rate = bounded(options, "rate", 20, 1, 500);
		Duration duration = Duration.ofSeconds(bounded(options, "seconds", 40, 5, 3600));
		Duration warmUp = Duration.ofSeconds(bounded(options, "warm-up", 15, 1, 600));
		if (warmUp.compareTo(duration.minusSeconds(2)) > 0) {
			throw new IllegalArgumentException("--warm-up " + warmUp.toSeconds() + " leaves no load after the disruption within --seconds " + duration.toSeconds());
		}
		// Two users at least, so that a same-zone transfer has someone to go to.
		int usersPerZone = bounded(options, "users-per-zone", 6, 2, 100);
		Map<String, URI> gateways = gateways(options.get("gateways", ""), defaultGateways);
		URI admin = URI.create(options.get("admin", gateways.values().iterator().next().toString()));
		return new DrillOptions(kind, zone, target, rate, duration, warmUp, usersPerZone, restore, gateways, admin);
	}

	String describe() {
		return kind == Kind.ZONE_DOWN ? "zone-down " + zone : "drain " + zone + " -> " + target;
	}

	private static Kind kind(List<String> positional) {
		String name = positional.size() < 2 ? "" : positional.get(1);
		for (Kind kind : Kind.values()) {
			if (kind.command().equals(name)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("usage: ./zonepay " + USAGE);
	}

	private static int bounded(Options options, String name, int fallback, int min, int max) {
		int value;
		try {
			value = options.getInt(name, fallback);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " takes a whole number, not " + options.get(name, ""));
		}
		if (value < min || value > max) {
			throw new IllegalArgumentException("--" + name + " must be " + min + ".." + max + ", not " + value);
		}
		return value;
	}

	/** The option parser takes the word after a flag as its value; a zone name there means the flag came too early. */
	private static boolean flag(Options options, String name) {
		String value = options.get(name, "false");
		if (!value.equals("true") && !value.equals("false")) {
			throw new IllegalArgumentException("--" + name + " takes no value (it took '" + value + "'); put it after the zones");
		}
		return value.equals("true");
	}

	/** {@code hz=http://localhost:8080,sh=http://localhost:8081} over the topology's gateways. */
	private static Map<String, URI> gateways(String overrides, Map<String, URI> defaults) {
		Map<String, URI> gateways = new LinkedHashMap<>(defaults);
		for (String entry : overrides.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			int equals = entry.indexOf('=');
			if (equals <= 0) {
				throw new IllegalArgumentException("--gateways takes city=url pairs, such as hz=http://localhost:8080, not " + entry);
			}
			gateways.put(entry.substring(0, equals).strip(), URI.create(entry.substring(equals + 1).strip()));
		}
		if (gateways.isEmpty()) {
			throw new IllegalArgumentException("no gateway: the topology declares none and --gateways names none");
		}
		return gateways;
	}
}
