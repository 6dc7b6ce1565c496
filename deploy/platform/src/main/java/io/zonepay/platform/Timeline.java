package io.zonepay.platform;

import java.time.Duration;

/**
 * A drill's clock: every moment it records is an offset from the start of its load on one
 * monotonic clock, so that the kill, each request and each routing change compare without
 * wall-clock jumps.
 */
final class Timeline {

	private final long origin = System.nanoTime();

	Duration now() {
		return Duration.ofNanos(System.nanoTime() - origin);
	}

	void sleepUntil(Duration moment) throws InterruptedException {
		long millis = moment.minus(now()).toMillis();
		if (millis > 0) {
			Thread.sleep(millis);
		}
	}

}
