package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Gives every shard back to the zone that served it before the drill, with planned moves
 * (the way an operator hands shards back after a failover), and waits until every city's
 * gateway routes by the new epoch.
 */
final class RoutingRestore {

	private static final Duration GATEWAYS_BOUND = Duration.ofSeconds(30);

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	RoutingRestore(PlatformApi api, DrillOptions options, String adminToken) {
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
	}

	String moveBack(RoutingSnapshot original) throws InterruptedException {
		Map<String, List<Integer>> moved = api.routing(options.admin(), adminToken).movedAwayFrom(original);
		if (moved.isEmpty()) {
			return "the routing table already was as before the drill";
		}
		List<String> done = new ArrayList<>();
		long epoch = 0;
		for (Map.Entry<String, List<Integer>> back : moved.entrySet()) {
			epoch = api.move(options.admin(), adminToken, back.getValue(), back.getKey()).epoch();
			done.add("shards " + RoutingSnapshot.ranges(back.getValue()) + " moved back to " + back.getKey());
		}
		Instant moves = Instant.now();
		awaitGateways(epoch);
		return String.join(", ", done) + " (epoch " + epoch + "); every gateway routed by it "
				+ Duration.between(moves, Instant.now()).toMillis() + " ms later";
	}

	/** The command an operator would run to give {@code shards} to {@code zone}. */
	String command(List<Integer> shards, String zone) {
		return "curl -X POST " + options.admin().resolve("/admin/routing/moves")
				+ " -H \"Authorization: Bearer $ADMIN\" -H 'Content-Type: application/json'" + " -d '{\"shards\": "
				+ shards + ", \"toZone\": \"" + zone + "\"}'";
	}

	private void awaitGateways(long epoch) throws InterruptedException {
		Instant deadline = Instant.now().plus(GATEWAYS_BOUND);
		for (URI gateway : options.gateways().values()) {
			OptionalLong seen = api.gatewayEpoch(gateway);
			while (seen.isEmpty() || seen.getAsLong() < epoch) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(gateway + " did not route by epoch " + epoch + " within "
							+ GATEWAYS_BOUND.toSeconds() + " s");
				}
				Thread.sleep(100);
				seen = api.gatewayEpoch(gateway);
			}
		}
	}

}
