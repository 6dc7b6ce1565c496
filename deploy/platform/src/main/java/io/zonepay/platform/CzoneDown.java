package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Kills a city's CZone for real (SIGKILL): its city's services and gateway must read
 * global data from the next copy without failing a request, even for a merchant created
 * meanwhile (the drill creates one after the kill and reads it through the city's
 * gateway). Started again afterwards.
 */
final class CzoneDown implements Disruption {

	private final String czone;

	private final Installation installation;

	private final PlatformApi api;

	private final URI cityGateway;

	private final URI admin;

	private final String adminToken;

	CzoneDown(String czone, Installation installation, PlatformApi api, URI cityGateway, URI admin, String adminToken) {
		this.czone = czone;
		this.installation = installation;
		this.api = api;
		this.cityGateway = cityGateway;
		this.admin = admin;
		this.adminToken = adminToken;
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

	/**
	 * A merchant created after the kill, read through the dead CZone's city: how soon.
	 */
	@Override
	public List<String> figures(Duration disruptedAt) throws InterruptedException {
		long start = System.nanoTime();
		Answer created = api.send(PlatformApi.post(admin, "/admin/merchants", adminToken, null,
				Map.of("name", "Drill after " + czone, "currency", DrillOperations.CURRENCY, "status", "ACTIVE")));
		if (created.status() != 201) {
			return List.of("a merchant created after the kill: the write was answered " + created.status() + " "
					+ created.code());
		}
		String merchant = created.field("merchantId");
		for (int attempt = 0; attempt < 50; attempt++) {
			Answer read = api.send(PlatformApi.get(cityGateway, "/api/merchants/" + merchant, adminToken));
			if (read.status() == 200) {
				return List
					.of("%-74s +%.1f s".formatted("a merchant created after the kill, read through " + cityGateway,
							(System.nanoTime() - start) / 1e9));
			}
			Thread.sleep(100);
		}
		return List.of("a merchant created after the kill could not be read through " + cityGateway + " within 5 s");
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		Instant started = Instant.now();
		if (!ProcessControl.running(installation, czone)) {
			new ProcessControl(installation, czone).start(ProcessControl.READY_BOUND);
		}
		return czone + " started again, ready after " + Duration.between(started, Instant.now()).toSeconds() + " s";
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return "./zonepay start " + czone;
	}

}
