package io.zonepay.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that stands still until a test moves it, for rules that depend on time (a
 * velocity window, how old a payment must be before it is reconciled): the test says when
 * "now" is instead of sleeping.
 */
public final class TestClock extends Clock {

	private volatile Instant now;

	private TestClock(Instant now) {
		this.now = now;
	}

	public static TestClock at(Instant now) {
		return new TestClock(now);
	}

	public static TestClock at(String instant) {
		return at(Instant.parse(instant));
	}

	/**
	 * Moves the clock forward (or back, for a negative duration) and answers the new now.
	 */
	public Instant advance(Duration duration) {
		now = now.plus(duration);
		return now;
	}

	public void set(Instant instant) {
		now = instant;
	}

	@Override
	public Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/**
	 * Only UTC: the money paths compare instants, and a copy in another zone would no
	 * longer move with this one.
	 */
	@Override
	public Clock withZone(ZoneId zone) {
		if (!ZoneOffset.UTC.equals(zone)) {
			throw new UnsupportedOperationException("a test clock runs in UTC only, not " + zone);
		}
		return this;
	}

}
