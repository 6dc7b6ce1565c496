package io.zonepay.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The other side of a freeze: a core of the host taken by a busy loop for a while, under
 * the drill's load, so that every zone (the one named most of all, as the drill's load
 * reaches it) answers slowly but answers. Nothing may be failed over: the drill passes
 * only if the zone still serves its shards at the routing epoch it began with.
 */
final class Busy implements Disruption {

	private final String zone;

	private final Duration hold;

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	private final RoutingSnapshot original;

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile boolean keptItsShards = true;

	private volatile long epochAfter;

	Busy(String zone, Duration hold, PlatformApi api, DrillOptions options, String adminToken,
			RoutingSnapshot original) {
		this.zone = zone;
		this.hold = hold;
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
		this.original = original;
	}

	@Override
	public String zone() {
		return zone;
	}

	@Override
	public boolean movesShards() {
		return false;
	}

	@Override
	public String apply() throws InterruptedException {
		Process loop;
		try {
			loop = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("cannot start a busy loop", ex);
		}
		Thread.ofVirtual().name("busy-loop").start(() -> {
			try {
				loop.waitFor(hold.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				// Stopped early: the loop never outlives the drill.
			}
			finally {
				loop.destroyForcibly();
				done.countDown();
			}
		});
		return "a busy loop (pid " + loop.pid() + ") took a core of the host for " + hold.toSeconds()
				+ " s, while the load went on";
	}

	@Override
	public List<String> figures(Duration disruptedAt) throws InterruptedException {
		done.await(hold.toSeconds() + 10, TimeUnit.SECONDS);
		RoutingSnapshot now = api.routing(options.admin(), adminToken);
		epochAfter = now.epoch();
		keptItsShards = now.epoch() == original.epoch() && now.shardsOf(zone).equals(original.shardsOf(zone));
		return List.of("%-74s %s".formatted(
				"%s kept its shards %s (routing epoch before and after)".formatted(zone,
						RoutingSnapshot.ranges(original.shardsOf(zone))),
				keptItsShards ? "yes (epoch " + epochAfter + ")"
						: "NO: epoch " + original.epoch() + " -> " + epochAfter));
	}

	@Override
	public boolean figuresHold() {
		return keptItsShards;
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		done.await(hold.toSeconds() + 10, TimeUnit.SECONDS);
		return keptItsShards ? "nothing to put back: the busy loop ended and no shard moved"
				: "the busy loop ended; shards moved meanwhile: "
						+ new RoutingRestore(api, options, adminToken).moveBack(original);
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return "nothing, unless a shard moved: then "
				+ new RoutingRestore(api, options, adminToken).command(original.shardsOf(zone), zone);
	}

}
