package io.zonepay.platform;

import java.time.Instant;

/**
 * Kills an RZone's process for real, as {@code ./zonepay kill} does (SIGKILL: no shutdown
 * hooks, requests cut off), and brings it back afterwards as {@code ./zonepay start}
 * does, then gives it its shards back.
 */
final class ZoneDown implements Disruption {

	private final String zone;

	private final Installation installation;

	private final ZoneRestore restore;

	ZoneDown(String zone, Installation installation, ZoneRestore restore) {
		this.zone = zone;
		this.installation = installation;
		this.restore = restore;
	}

	@Override
	public String zone() {
		return zone;
	}

	@Override
	public String apply() throws InterruptedException {
		new ProcessControl(installation, zone).kill();
		return zone + "'s process killed with SIGKILL (as ./zonepay kill " + zone + ")";
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		Instant started = Instant.now();
		if (!ProcessControl.running(installation, zone)) {
			new ProcessControl(installation, zone).start(ProcessControl.READY_BOUND);
		}
		return zone + " started again and " + restore.upAndHome(zone, original, started);
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return "./zonepay start " + zone + ", " + restore.manual(zone, original.shardsOf(zone));
	}

}
