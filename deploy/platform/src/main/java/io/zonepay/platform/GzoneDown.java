package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Kills the GZone that writes (SIGKILL). Payments must go on from the copies; its standby
 * must promote itself and global writes resume through the gateways. The drill measures
 * that by writing a merchant through the other city's gateway every 250 ms from the kill
 * on, until one is answered {@code 201}. Afterwards the killed GZone is started again and
 * must find itself fenced; the standby stays the writer (the platform is not given its
 * old writer back).
 */
final class GzoneDown implements Disruption {

	/**
	 * The acceptance bound on global writes resuming, and how long the drill's writer
	 * keeps trying.
	 */
	static final Duration WRITES_RESUME_BOUND = Duration.ofSeconds(30);

	private static final Duration PROBE_EVERY = Duration.ofMillis(250);

	private final String gzone;

	private final Installation installation;

	private final PlatformApi api;

	private final URI otherCity;

	private final String adminToken;

	private final CompletableFuture<Duration> resumed = new CompletableFuture<>();

	private volatile long killedAt;

	/**
	 * @param otherCity the gateway of a city other than the GZone's, where the drill's
	 * global writes go
	 */
	GzoneDown(String gzone, Installation installation, PlatformApi api, URI otherCity, String adminToken) {
		this.gzone = gzone;
		this.installation = installation;
		this.api = api;
		this.otherCity = otherCity;
		this.adminToken = adminToken;
	}

	@Override
	public String zone() {
		return gzone;
	}

	@Override
	public boolean movesShards() {
		return false;
	}

	@Override
	public String apply() throws InterruptedException {
		new ProcessControl(installation, gzone).kill();
		killedAt = System.nanoTime();
		Thread.ofVirtual().name("global-writes-probe").start(this::probe);
		return gzone + "'s process (the GZone that writes) killed with SIGKILL (as ./zonepay kill " + gzone + ")";
	}

	private void probe() {
		long deadline = killedAt + WRITES_RESUME_BOUND.multipliedBy(3).toNanos();
		try {
			int attempt = 0;
			while (System.nanoTime() < deadline) {
				Answer answer = api.send(PlatformApi.post(otherCity, "/admin/merchants", adminToken, null, Map
					.of("name", "Drill probe " + ++attempt, "currency", DrillOperations.CURRENCY, "status", "ACTIVE")));
				if (answer.status() == 201) {
					resumed.complete(Duration.ofNanos(System.nanoTime() - killedAt));
					return;
				}
				Thread.sleep(PROBE_EVERY.toMillis());
			}
			resumed.completeExceptionally(new TimeoutException(
					"no global write answered 201 within " + WRITES_RESUME_BOUND.multipliedBy(3).toSeconds() + " s"));
		}
		catch (InterruptedException ex) {
			resumed.completeExceptionally(ex);
		}
	}

	@Override
	public List<String> figures(Duration disruptedAt) throws InterruptedException {
		try {
			Duration took = resumed.get(WRITES_RESUME_BOUND.multipliedBy(3).toSeconds() + 5, TimeUnit.SECONDS);
			return List.of("%-74s +%.1f s%s".formatted(
					"global writes answered again (POST /admin/merchants through " + otherCity + ")",
					took.toMillis() / 1000.0, took.compareTo(WRITES_RESUME_BOUND) <= 0 ? ""
							: " (over the " + WRITES_RESUME_BOUND.toSeconds() + " s bound)"));
		}
		catch (ExecutionException | TimeoutException ex) {
			return List.of("global writes did not answer again: " + ex.getMessage());
		}
	}

	/** Whether global writes resumed within the bound. */
	@Override
	public boolean figuresHold() {
		return resumed.isDone() && !resumed.isCompletedExceptionally()
				&& resumed.join().compareTo(WRITES_RESUME_BOUND) <= 0;
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		Instant started = Instant.now();
		if (!ProcessControl.running(installation, gzone)) {
			new ProcessControl(installation, gzone).start(ProcessControl.READY_BOUND);
		}
		Answer write = api.send(PlatformApi.post(otherCity, "/admin/merchants", adminToken, null,
				Map.of("name", "After the drill", "currency", DrillOperations.CURRENCY, "status", "ACTIVE")));
		return gzone + " started again after " + Duration.between(started, Instant.now()).toSeconds()
				+ " s (fenced: it may not write again; its standby" + " stays the writer); a global write through "
				+ otherCity + " answered " + write.status() + ". To have " + gzone
				+ " write again: ./zonepay down, then ./zonepay up";
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return "./zonepay start " + gzone + " (it comes back fenced; the standby stays the writer)";
	}

}
