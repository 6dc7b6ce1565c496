package io.zonepay.platform;

import java.time.Instant;

/**
 * Kills a city's CZone for real (SIGKILL): its city's services and gateway must read global data from the next copy
 * without failing a request, even for a merchant created meanwhile. Started again afterwards.
 */
final class CzoneDown implements Disruption {

	private final String czone;

	private final Installation installation;

	CzoneDown(String czone, Installation installation) {
		this.czone = czone;
		this.installation = installation;
	}

	@Override
	public String zone() {
		return czone;
	}

	@Override
	public boolean movesShards() {
		return false;
	}

	@Override
	public String apply() throws InterruptedException {
		new ProcessControl(installation, czone).kill();
		return czone + "'s process killed with SIGKILL (as ./zonepay kill " + czone + ")";
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		Instant started = Instant.now();
		if (!ProcessControl.running(installation, czone)) {
			new ProcessControl(installation, czone).start(ProcessControl.READY_BOUND);
		}
		return czone + " started again, ready after " + java.time.Duration.between(started, Instant.now()).toSeconds() + " s";
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return "./zonepay start " + czone;
	}
}
