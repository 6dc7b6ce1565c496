package io.zonepay.platform;

/** What a drill does to the platform under load, and how it puts the platform back afterwards. */
interface Disruption {

	/** The zone whose shards leave it. */
	String zone();

	/** Does it, and says what it did in a line of the report. */
	String apply() throws InterruptedException;

	/** Puts the platform back as it was before the drill (the zone running, its shards home), and says how it went. */
	String restore(RoutingSnapshot original) throws InterruptedException;

	/** What to run to put it back by hand, for a drill run with {@code --no-restore}. */
	String manualRestore(RoutingSnapshot original);
}
