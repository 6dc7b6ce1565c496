package io.zonepay.config.supervision;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a liveness watch has heard from one service.
 *
 * @param live when the service last said it was live; {@code null} before it has
 * @param trouble what went wrong since, until the service says it is live again: REFUSED
 * (its stream was refused, answered another status or broke, or it said it is not live)
 * or SLOW (its stream did not answer in time, or fell silent and was given up)
 * @param unwatchable whether the service serves no watch (an older version) or has no
 * room for another: it is polled instead, until the watch is tried again
 */
record Heard(@Nullable Instant live, @Nullable Check trouble, boolean unwatchable) {

	static final Heard NOTHING = new Heard(null, null, false);

	Heard saidLive(Instant at) {
		return new Heard(at, null, false);
	}

	Heard wentWrong(Check check) {
		return new Heard(live, check, false);
	}

	Heard noWatch() {
		return new Heard(live, null, true);
	}

	/**
	 * The service's check now, unless it is unwatchable: answered when it said it was
	 * live within the timeout, else what went wrong since, else slow (its stream is open
	 * and silent, or not open yet).
	 */
	Check check(Instant now, Duration timeout) {
		if (trouble != null) {
			return trouble;
		}
		return live != null && !now.isAfter(live.plus(timeout)) ? Check.ANSWERED : Check.SLOW;
	}

}
