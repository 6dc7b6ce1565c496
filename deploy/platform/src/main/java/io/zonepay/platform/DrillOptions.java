package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import static io.zonepay.platform.ZonePayCommand.within;

/**
 * {@code ./zonepay drill <kind> ...} and its options, each within its bounds.
 *
 * @param zone the zone (or process) disrupted: killed, drained, frozen; {@code kafka} for
 * a broker stall
 * @param target where a drain moves the shards; null for zone-down
 * @param rate operations started per second (a payment is two requests, an order and its
 * payment; a transfer one)
 * @param duration how long the load runs, warm-up included
 * @param warmUp how long the load ramps up to its rate before the disruption (at the
 * earliest)
 * @param gateways each city's gateway, by city id
 * @param admin the gateway through which the drill calls the GZone's {@code /admin} API
 * @param hold how long a freeze or a broker stall lasts; zero for the other kinds
 */
record DrillOptions(Kind kind, String zone, @Nullable String target, int rate, Duration duration, Duration warmUp,
		int usersPerZone, boolean restore, Map<String, URI> gateways, URI admin, Duration hold,
		CellPlans.@Nullable Move cell) {

	DrillOptions {
		if ((kind == Kind.SPLIT || kind == Kind.MERGE) != (cell != null)) {
			throw new IllegalArgumentException("a split or a merge, and only they, move shards between cells");
		}
		if ((kind == Kind.DRAIN || cell != null) != (target != null)) {
			throw new IllegalArgumentException(
					"a drain names the zone it drains and the zone that takes its shards; a zone-down one zone");
		}
		if (zone.equals(target)) {
			throw new IllegalArgumentException(
					"a drain moves shards from one zone to another, not to " + zone + " itself");
		}
		if (kind.holds()) {
			within(kind == Kind.KAFKA_STALL || kind == Kind.PAUSE ? "SECONDS" : "--seconds", (int) hold.toSeconds(), 1,
					600);
		}
		within("--rate", rate, 1, 500);
		within("--seconds", (int) duration.toSeconds(), 5, 3600);
		within("--warm-up", (int) warmUp.toSeconds(), 1, 600);
		if (warmUp.compareTo(duration.minusSeconds(2)) > 0) {
			throw new IllegalArgumentException("--warm-up " + warmUp.toSeconds()
					+ " leaves no load after the disruption within --seconds " + duration.toSeconds());
		}
		// Two users at least, so that a same-zone transfer has someone to go to.
		within("--users-per-zone", usersPerZone, 2, 100);
		if (gateways.isEmpty()) {
			throw new IllegalArgumentException("no gateway: the topology declares none and --gateways names none");
		}
		// In the topology's order, as the drill calls them.
		gateways = Collections.unmodifiableMap(new LinkedHashMap<>(gateways));
	}

	enum Kind {

		ZONE_DOWN("zone-down"), DRAIN("drain"), FREEZE("freeze"), CZONE_DOWN("czone-down"), GZONE_DOWN("gzone-down"),
		KAFKA_STALL("kafka-stall"), BUSY("busy"), PAUSE("pause"), SPLIT("split"), MERGE("merge");

		private final String command;

		Kind(String command) {
			this.command = command;
		}

		String command() {
			return command;
		}

		/** Whether the disruption lasts a set time, and ends by itself. */
		boolean holds() {
			return this == FREEZE || this == KAFKA_STALL || this == BUSY || this == PAUSE;
		}

		/**
		 * Whether an RZone's shards leave it: the drill watches the handover and measures
		 * the RTO.
		 */
		boolean movesShards() {
			return this == ZONE_DOWN || this == DRAIN || this == FREEZE;
		}

		/**
		 * Whether every operation's outcome must be known after the settling: where every
		 * request may stall at once (the broker, the whole platform) but nothing is lost.
		 */
		boolean outcomesMustBeKnown() {
			return this == KAFKA_STALL || this == PAUSE;
		}

		/**
		 * Whether the drill promises that no request fails: nothing a client calls is
		 * taken away for long, or the gateways hold what is safe to send twice through a
		 * zone's failover (a killed zone's; a frozen one keeps what it was sent).
		 */
		boolean noRequestMayFail() {
			return this == DRAIN || this == CZONE_DOWN || this == GZONE_DOWN || this == ZONE_DOWN || this == SPLIT
					|| this == MERGE;
		}

	}

	/**
	 * @param topologyGateways each city's gateway as the topology declares it, in the
	 * topology's order; {@code --gateways} overrides them one by one, and the first
	 * city's is the default admin gateway (the GZone's city comes first in the local
	 * topology)
	 * @param duration how long the load runs, warm-up included
	 * @param hold how long a freeze or a stall lasts (zero for the other kinds)
	 */
	static DrillOptions of(Kind kind, String zone, @Nullable String target, DrillSettings settings, Duration duration,
			Duration hold, Map<String, URI> topologyGateways) {
		return of(kind, zone, target, settings, duration, hold, topologyGateways, null);
	}

	private static DrillOptions of(Kind kind, String zone, @Nullable String target, DrillSettings settings,
			Duration duration, Duration hold, Map<String, URI> topologyGateways, CellPlans.@Nullable Move cell) {
		Map<String, URI> gateways = new LinkedHashMap<>(topologyGateways);
		gateways.putAll(settings.gateways);
		URI admin = settings.admin != null ? settings.admin
				: gateways.values()
					.stream()
					.findFirst()
					.orElseThrow(() -> new IllegalArgumentException(
							"no gateway: the topology declares none and --gateways names none"));
		return new DrillOptions(kind, zone, target, settings.rate, duration, Duration.ofSeconds(settings.warmUp),
				settings.usersPerZone, !settings.noRestore, gateways, admin, hold, cell);
	}

	/** A split into a new cell, or a merge of a cell back, as the drill's disruption. */
	static DrillOptions cell(Kind kind, CellPlans.Move move, DrillSettings settings, Duration duration,
			Map<String, URI> topologyGateways) {
		return of(kind, move.giving().id().value(), move.taking().id().value(), settings, duration, Duration.ZERO,
				topologyGateways, move);
	}

	String describe() {
		return switch (kind) {
			case DRAIN -> "drain " + zone + " -> " + target;
			case FREEZE -> "freeze " + zone + " for " + hold.toSeconds() + " s";
			case KAFKA_STALL -> "kafka-stall " + hold.toSeconds() + " s";
			case BUSY -> "busy " + zone + " for " + hold.toSeconds() + " s (a core taken)";
			case PAUSE -> "pause " + hold.toSeconds() + " s (every process of the platform)";
			case GZONE_DOWN -> "gzone-down " + zone;
			case SPLIT, MERGE -> kind.command() + " " + java.util.Objects.requireNonNull(cell).describe();
			default -> kind.command() + " " + zone;
		};
	}
}
