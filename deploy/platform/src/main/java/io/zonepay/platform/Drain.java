package io.zonepay.platform;

import java.util.List;

/**
 * A planned drain: every shard of one RZone moved to another in one planned move, while
 * the load runs. The platform promises no failed request through it: fence, let in-flight
 * work finish, flip, resume.
 */
final class Drain implements Disruption {

	private final String from;

	private final String to;

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	/**
	 * The table when the drill began: the drain moves every shard it gives {@code from}.
	 */
	private final RoutingSnapshot before;

	Drain(String from, String to, RoutingSnapshot before, PlatformApi api, DrillOptions options, String adminToken) {
		this.from = from;
		this.to = to;
		this.before = before;
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
	}

	@Override
	public String zone() {
		return from;
	}

	@Override
	public String apply() throws InterruptedException {
		List<Integer> shards = before.shardsOf(from);
		long epoch = api.move(options.admin(), adminToken, shards, to).epoch();
		return "POST /admin/routing/moves gave " + from + "'s shards " + RoutingSnapshot.ranges(shards) + " to " + to
				+ " (epoch " + before.epoch() + " -> " + epoch + ")";
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		return new RoutingRestore(api, options, adminToken).moveBack(original);
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return new RoutingRestore(api, options, adminToken).command(original.shardsOf(from), from);
	}

}
