package io.zonepay.service.liveness;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service streams its liveness to those who watch it.
 *
 * @param maxWatchers streams open at once; one more is refused (429), so that a client
 * that reopens without closing cannot pile them up. The supervisor keeps one per service,
 * and a GZone that lost its lead keeps its streams until they end
 * @param maxDuration how long one stream lasts before the service ends it and the watcher
 * opens another: a watcher gone without a word (its host lost, no reset ever sent) is
 * dropped by then even while writes to it still fill the socket's buffer
 * @param shortestInterval the fastest pace a watcher may ask for
 * @param longestInterval the slowest pace a watcher may ask for
 */
@ConfigurationProperties("zonepay.liveness-watch")
record LivenessWatchProperties(@DefaultValue("8") int maxWatchers, @DefaultValue("5m") Duration maxDuration,
		@DefaultValue("100ms") Duration shortestInterval, @DefaultValue("10s") Duration longestInterval) {

	LivenessWatchProperties {
		if (maxWatchers < 1 || maxWatchers > 100) {
			throw new IllegalArgumentException("zonepay.liveness-watch.max-watchers must be 1-100, not " + maxWatchers);
		}
		if (!shortestInterval.isPositive() || longestInterval.compareTo(shortestInterval) < 0) {
			throw new IllegalArgumentException(
					"zonepay.liveness-watch.shortest-interval must be positive and no longer than longest-interval");
		}
		if (maxDuration.compareTo(longestInterval) < 0) {
			throw new IllegalArgumentException(
					"zonepay.liveness-watch.max-duration must be at least longest-interval, not " + maxDuration);
		}
	}

	/** The pace a watcher asked for, within the bounds. */
	Duration bounded(Duration interval) {
		return interval.compareTo(shortestInterval) < 0 ? shortestInterval
				: interval.compareTo(longestInterval) > 0 ? longestInterval : interval;
	}

}
