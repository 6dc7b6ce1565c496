package io.zonepay.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Puts an RZone that a drill took down back: once the GZone sees it UP again, its shards
 * go home.
 */
final class ZoneRestore {

	/**
	 * The supervisor marks a zone UP after its checks pass again; a few seconds once the
	 * process is ready.
	 */
	private static final Duration UP_BOUND = Duration.ofSeconds(90);

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	ZoneRestore(PlatformApi api, DrillOptions options, String adminToken) {
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
	}

	/**
	 * Waits for the zone to be UP at the GZone, moves its shards back, and says how it
	 * went.
	 */
	String upAndHome(String zone, RoutingSnapshot original, Instant since) throws InterruptedException {
		Instant deadline = Instant.now().plus(UP_BOUND);
		while (!upAtTheGzone(zone)) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(
						zone + " runs but the GZone did not see it UP within " + UP_BOUND.toSeconds() + " s");
			}
			Thread.sleep(500);
		}
		long upAfter = Duration.between(since, Instant.now()).toSeconds();
		return "UP at the GZone after " + upAfter + " s; "
				+ new RoutingRestore(api, options, adminToken).moveBack(original);
	}

	String manual(String zone, List<Integer> shards) {
		return "wait until GET /admin/zones shows " + zone + " UP, then\n  "
				+ new RoutingRestore(api, options, adminToken).command(shards, zone);
	}

	private boolean upAtTheGzone(String zone) throws InterruptedException {
		try {
			return api.zones(options.admin(), adminToken)
				.stream()
				.anyMatch(state -> state.zoneId().equals(zone) && state.up());
		}
		catch (IllegalStateException ex) {
			// The GZone did not answer this once; ask again.
			return false;
		}
	}

}
