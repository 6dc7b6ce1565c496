package io.zonepay.platform;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * Watches a zone's shards leave it: polls the GZone's routing table until a newer epoch
 * gives the zone no shard (the handover is published), then each city's gateway until it
 * routes by that epoch. Runs beside the load, every 100 ms, so each moment it notes is
 * late by at most that.
 */
final class RoutingWatch {

	private static final Duration POLL = Duration.ofMillis(100);

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	private final Timeline timeline;

	private final CompletableFuture<Handover> done = new CompletableFuture<>();

	RoutingWatch(PlatformApi api, DrillOptions options, String adminToken, Timeline timeline) {
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
		this.timeline = timeline;
	}

	/**
	 * Starts watching for {@code zone} to lose every shard it serves at
	 * {@code epochBefore}, until {@code deadline}.
	 */
	void start(String zone, long epochBefore, Duration deadline) {
		Thread.ofVirtual().name("routing-watch").start(() -> {
			try {
				done.complete(watch(zone, epochBefore, deadline));
			}
			catch (InterruptedException ex) {
				done.complete(new Handover(null, epochBefore, Map.of()));
			}
			catch (RuntimeException ex) {
				done.completeExceptionally(ex);
			}
		});
	}

	/** What was seen by now; waits at most until the watch's deadline has passed. */
	Handover await(Duration bound) throws InterruptedException {
		try {
			return done.get(bound.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("the routing watch did not end: " + ex.getMessage(), ex);
		}
	}

	private Handover watch(String zone, long epochBefore, Duration deadline) throws InterruptedException {
		Duration published = null;
		long epoch = epochBefore;
		Map<String, Duration> gateways = new LinkedHashMap<>();
		// Bounded by the deadline; each round sleeps POLL.
		while (timeline.now().compareTo(deadline) < 0 && gateways.size() < options.gateways().size()) {
			if (published == null) {
				RoutingSnapshot table = routingOrNull();
				if (table != null && table.epoch() > epochBefore && table.shardsOf(zone).isEmpty()) {
					published = timeline.now();
					epoch = table.epoch();
				}
			}
			if (published != null) {
				for (Map.Entry<String, URI> gateway : options.gateways().entrySet()) {
					OptionalLong seen = gateways.containsKey(gateway.getKey()) ? OptionalLong.empty()
							: api.gatewayEpoch(gateway.getValue());
					if (seen.isPresent() && seen.getAsLong() >= epoch) {
						gateways.put(gateway.getKey(), timeline.now());
					}
				}
			}
			Thread.sleep(POLL.toMillis());
		}
		return new Handover(published, epoch, gateways);
	}

	/**
	 * A routing read that fails is only a missed poll: the GZone is busy, the next one
	 * will do.
	 */
	private @Nullable RoutingSnapshot routingOrNull() throws InterruptedException {
		try {
			return api.routing(options.admin(), adminToken);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * @param published when the GZone's table first showed the zone without shards; null
	 * if it did not by the deadline
	 * @param epoch that table's epoch
	 * @param gateways when each city's gateway first routed by it, by city
	 */
	record Handover(@Nullable Duration published, long epoch, Map<String, Duration> gateways) {

		/** No shard was to move: nothing was watched. */
		static Handover none(long epoch) {
			return new Handover(null, epoch, Map.of());
		}
	}

}
