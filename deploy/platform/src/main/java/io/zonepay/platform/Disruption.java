package io.zonepay.platform;

import java.time.Duration;
import java.util.List;

/**
 * What a drill does to the platform under load, and how it puts the platform back
 * afterwards.
 */
interface Disruption {

	/** The zone (or process) disturbed. */
	String zone();

	/**
	 * Whether its shards leave the zone: the drill then watches the handover and measures
	 * the RTO.
	 */
	default boolean movesShards() {
		return true;
	}

	/**
	 * What has to be there before the load starts (a new cell's process); nothing for
	 * most.
	 */
	default void prepare() throws Exception {
	}

	/** Does it, and says what it did in a line of the report. */
	String apply() throws InterruptedException;

	/**
	 * Figures it measured itself since {@code disruptedAt}, a line each ("global writes
	 * answered again +11.2 s").
	 */
	default List<String> figures(Duration disruptedAt) throws InterruptedException {
		return List.of();
	}

	/**
	 * Whether the figures are within their bounds (global writes resumed in time, a busy
	 * zone kept its shards).
	 */
	default boolean figuresHold() {
		return true;
	}

	/**
	 * Puts the platform back as it was before the drill (the zone running, its shards
	 * home), and says how it went.
	 */
	String restore(RoutingSnapshot original) throws InterruptedException;

	/** What to run to put it back by hand, for a drill run with {@code --no-restore}. */
	String manualRestore(RoutingSnapshot original);

}
