package io.zonepay.config.supervision;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;

/**
 * Checks zones by the liveness their services stream at their management port (the watch
 * path), one stream per service: opened when the service first is in the table, opened
 * again when it ends, closed once the service has left the table. A round sends no
 * request and waits for none, but for a service's first word: a service answered if it
 * said it was live within the check timeout; refused if its stream was refused, broke (a
 * killed process closes its sockets at once) or it said it is not live; slow if its
 * stream is open and silent (a frozen process), or did not answer in time. A service that
 * serves no watch (an older version, during a rolling upgrade) or has no room for another
 * is polled as {@link HttpHealthChecker} does.
 */
final class WatchingHealthChecker implements HealthChecker, AutoCloseable {

	/** A stream silent for this many check timeouts is given up and opened again. */
	private static final int SILENT_TIMEOUTS = 3;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final HttpClient http;

	private final HttpHealthChecker poller;

	private final Duration timeout;

	private final int portOffset;

	private final String watchPathAndQuery;

	private final Clock clock;

	private final Map<URI, LivenessWatch> watches = new ConcurrentHashMap<>();

	/**
	 * @param interval the pause between rounds: each wants a line newer than it, so the
	 * services are asked for one every interval, and at least two per check timeout
	 */
	WatchingHealthChecker(HttpHealthChecker poller, Duration interval, Duration timeout, int portOffset,
			String watchPath, Clock clock) {
		this.http = HttpHealthChecker.client(timeout, executor);
		this.poller = poller;
		this.timeout = timeout;
		this.portOffset = portOffset;
		Duration pace = interval.compareTo(timeout.dividedBy(2)) < 0 ? interval : timeout.dividedBy(2);
		this.watchPathAndQuery = watchPath + "?interval=" + Math.max(1, pace.toMillis()) + "ms";
		this.clock = clock;
	}

	@Override
	public Map<ZoneId, Check> check(List<Zone> zones) {
		List<Zone> checked = zones.stream().filter(zone -> !zone.endpoints().isEmpty()).toList();
		Set<URI> endpoints = new LinkedHashSet<>();
		checked.forEach(zone -> endpoints.addAll(zone.endpoints().values()));
		forgetAllBut(endpoints);
		Instant asked = clock.instant();
		List<CompletableFuture<Void>> firstWords = endpoints.stream()
			.map(endpoint -> watchOf(endpoint, asked).firstWord())
			.toList();
		// A new stream has said nothing yet: wait for its first word as a request would,
		// within the timeout.
		CompletableFuture.allOf(firstWords.toArray(new CompletableFuture<?>[0]))
			.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS)
			.join();
		Instant now = clock.instant();
		Map<URI, CompletableFuture<Check>> services = new HashMap<>();
		endpoints.forEach(endpoint -> services.put(endpoint, checkOf(endpoint, now)));
		Map<ZoneId, Check> answers = new LinkedHashMap<>();
		checked.forEach(zone -> answers.put(zone.id(),
				Check.worst(zone.endpoints().values().stream().map(service -> services.get(service).join()).toList())));
		return answers;
	}

	/** Closes the watches of services no longer in the table. */
	private void forgetAllBut(Set<URI> endpoints) {
		watches.entrySet().removeIf(watch -> {
			boolean gone = !endpoints.contains(watch.getKey());
			if (gone) {
				watch.getValue().close();
			}
			return gone;
		});
	}

	private LivenessWatch watchOf(URI endpoint, Instant asked) {
		LivenessWatch watch = watches.compute(endpoint,
				(service, running) -> running == null || running.stopped() ? LivenessWatch.start(http,
						HttpHealthChecker.atManagementPort(service, portOffset, watchPathAndQuery), timeout, clock)
						: running);
		watch.asked(asked);
		return watch;
	}

	private CompletableFuture<Check> checkOf(URI endpoint, Instant now) {
		LivenessWatch watch = watches.get(endpoint);
		watch.giveUpIfSilent(now, timeout.multipliedBy(SILENT_TIMEOUTS));
		Heard heard = watch.heard();
		return heard.unwatchable() ? poller.alive(endpoint)
				: CompletableFuture.completedFuture(heard.check(now, timeout));
	}

	@Override
	public void close() {
		watches.values().forEach(LivenessWatch::close);
		watches.clear();
		http.shutdownNow();
		executor.close();
		poller.close();
	}

}
