package io.zonepay.config.supervision;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the supervisor has seen of one RZone.
 * @param misses checks in a row it missed (a service did not answer healthy in time)
 * @param answers checks in a row every service of it answered
 * @param lastCheck when it was last checked; {@code null} before the first check
 * @param seenUp whether it answered at least once since this GZone began supervising
 */
record ZoneHealth(int misses, int answers, @Nullable Instant lastCheck, boolean seenUp) {

	static final ZoneHealth UNCHECKED = new ZoneHealth(0, 0, null, false);

	/** Counts stop here: the decisions only compare them with a small threshold. */
	private static final int MAX_COUNT = 1_000_000;

	ZoneHealth answered(Instant at) {
		return new ZoneHealth(0, Math.min(answers + 1, MAX_COUNT), at, true);
	}

	/**
	 * @param counts whether the miss counts towards marking the zone down (not while a starting platform comes up)
	 */
	ZoneHealth missed(Instant at, boolean counts) {
		return new ZoneHealth(counts ? Math.min(misses + 1, MAX_COUNT) : 0, 0, at, seenUp);
	}

	/** What the last check saw. */
	Health health() {
		if (lastCheck == null) {
			return Health.UNKNOWN;
		}
		return answers > 0 ? Health.UP : Health.DOWN;
	}

	/** A zone's health as checked, apart from its routing status: a zone can answer and still be DOWN until it has answered enough. */
	enum Health {

		UP, DOWN, UNKNOWN
	}
}
