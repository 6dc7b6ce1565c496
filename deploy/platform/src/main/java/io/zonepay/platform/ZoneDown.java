package io.zonepay.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Kills an RZone's process for real, as {@code ./zonepay kill} does (SIGKILL: no shutdown hooks, requests cut off),
 * and brings it back afterwards as {@code ./zonepay start} does, then gives it its shards back.
 */
final class ZoneDown implements Disruption {

	/** The supervisor marks a zone UP after its checks pass again; a few seconds once the process is ready. */
	private static final Duration UP_BOUND = Duration.ofSeconds(90);

	private final String zone;

	private final Installation installation;

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	ZoneDown(String zone, Installation installation, PlatformApi api, DrillOptions options, String adminToken) {
		this.zone = zone;
		this.installation = installation;
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
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
		if (!running()) {
			new ProcessControl(installation, zone).start(ProcessControl.READY_BOUND);
		}
		Instant deadline = Instant.now().plus(UP_BOUND);
		while (!upAtTheGzone()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException(zone + " runs again but the GZone did not see it UP within " + UP_BOUND.toSeconds() + " s");
			}
			Thread.sleep(500);
		}
		long upAfter = Duration.between(started, Instant.now()).toSeconds();
		return zone + " started again and UP at the GZone after " + upAfter + " s; " + new RoutingRestore(api, options, adminToken).moveBack(original);
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		List<Integer> shards = original.shardsOf(zone);
		return "./zonepay start " + zone + ", wait until GET /admin/zones shows it UP, then\n  "
				+ new RoutingRestore(api, options, adminToken).command(shards, zone);
	}

	private boolean running() {
		Optional<RunDirectory> run = RunDirectory.current(installation.stateDirectory());
		Long pid = run.map(directory -> directory.latest().get(zone)).orElse(null);
		return pid != null && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
	}

	private boolean upAtTheGzone() throws InterruptedException {
		try {
			return api.zones(options.admin(), adminToken).stream().anyMatch(state -> state.zoneId().equals(zone) && state.up());
		}
		catch (IllegalStateException ex) {
			// The GZone did not answer this once; ask again.
			return false;
		}
	}
}
