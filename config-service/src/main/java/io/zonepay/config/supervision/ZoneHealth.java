package io.zonepay.config.supervision;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What the supervisor has seen of one RZone.
 *
 * @param misses checks in a row it missed (a service refused, answered unhealthy or did
 * not answer in time)
 * @param refusals of those, the last ones in a row that were refusals: a process that is
 * gone refuses at once
 * @param answers checks in a row every service of it answered
 * @param lastCheck when it was last checked; {@code null} before the first check
 * @param missingSince when the misses in a row began; {@code null} while it answers
 * @param seenUp whether it answered at least once since this GZone began supervising
 * @param silence how long the gateways had seen it answer none of its traffic when it
 * last missed a check in time
 */
record ZoneHealth(int misses, int refusals, int answers, @Nullable Instant lastCheck, @Nullable Instant missingSince,
		boolean seenUp, Duration silence) {

	static final ZoneHealth UNCHECKED = new ZoneHealth(0, 0, 0, null, null, false, Duration.ZERO);

	/** Counts stop here: the decisions only compare them with a small threshold. */
	private static final int MAX_COUNT = 1_000_000;

	ZoneHealth answered(Instant at) {
		return new ZoneHealth(0, 0, Math.min(answers + 1, MAX_COUNT), at, null, true, Duration.ZERO);
	}

	/**
	 * @param counts whether the miss counts towards marking the zone down (not while a
	 * starting platform comes up)
	 * @param refused whether it was a refusal rather than no answer in time
	 */
	ZoneHealth missed(Instant at, boolean counts, boolean refused) {
		return missed(at, counts, refused, Duration.ZERO);
	}

	/**
	 * @param silence how long the gateways have seen the zone answer none of its traffic
	 * (a check that timed out)
	 */
	ZoneHealth missed(Instant at, boolean counts, boolean refused, Duration silence) {
		if (!counts) {
			return new ZoneHealth(0, 0, 0, at, null, seenUp, Duration.ZERO);
		}
		return new ZoneHealth(Math.min(misses + 1, MAX_COUNT), refused ? Math.min(refusals + 1, MAX_COUNT) : 0, 0, at,
				missingSince == null ? at : missingSince, seenUp, refused ? Duration.ZERO : silence);
	}

	/**
	 * A check that says nothing about the zone (most zones were slow at once): checked,
	 * but nothing counted.
	 */
	ZoneHealth unjudged(Instant at) {
		return new ZoneHealth(misses, refusals, answers, at, missingSince, seenUp, silence);
	}

	/**
	 * Whether it should be marked down: it refused {@code missesBeforeDown} checks in a
	 * row (gone); or it missed a check in time while the gateways had seen it answer none
	 * of its traffic for {@code silentBeforeDown} (frozen: a busy zone answers its
	 * traffic, slowly); or it missed {@code missesBeforeDown} checks and has not answered
	 * for {@code unresponsiveFor} (frozen with no traffic to tell by).
	 */
	boolean down(int missesBeforeDown, Duration unresponsiveFor, Duration silentBeforeDown, Instant now) {
		if (refusals >= missesBeforeDown) {
			return true;
		}
		if (silentBeforeDown.isPositive() && misses > 0 && refusals == 0 && silence.compareTo(silentBeforeDown) >= 0) {
			return true;
		}
		return misses >= missesBeforeDown && missingSince != null && !now.isBefore(missingSince.plus(unresponsiveFor));
	}

	/** What the last check saw. */
	Health health() {
		if (lastCheck == null) {
			return Health.UNKNOWN;
		}
		return answers > 0 ? Health.UP : Health.DOWN;
	}

	/**
	 * A zone's health as checked, apart from its routing status: a zone can answer and
	 * still be DOWN until it has answered enough.
	 */
	enum Health {

		UP, DOWN, UNKNOWN

	}
}
