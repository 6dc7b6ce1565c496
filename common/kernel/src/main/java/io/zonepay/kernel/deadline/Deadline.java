package io.zonepay.kernel.deadline;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The moment a request's caller stops waiting for its answer. The gateway sets it from
 * its own timeout, and each call between services narrows it to that call's timeout, so
 * that a service can refuse work nobody waits for any more: under overload that work is
 * what keeps a queue from ever draining. On the wire it is epoch milliseconds, so it
 * relies on the zones' clocks agreeing (NTP keeps them within milliseconds; a skew moves
 * the cut-off by as much).
 */
public record Deadline(Instant at) {

	/** A deadline this long after now. */
	public static Deadline in(Duration timeout, Clock clock) {
		return new Deadline(clock.instant().plus(timeout));
	}

	/**
	 * The deadline a header carries; none when it is absent or not epoch milliseconds.
	 */
	public static Optional<Deadline> parse(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new Deadline(Instant.ofEpochMilli(Long.parseLong(header.strip()))));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	public boolean passed(Clock clock) {
		return !clock.instant().isBefore(at);
	}

	/** The sooner of the two: a call may not outlive the request it serves. */
	public Deadline earlier(@Nullable Deadline other) {
		return other != null && other.at.isBefore(at) ? other : this;
	}

	/** The header value: epoch milliseconds. */
	public String header() {
		return Long.toString(at.toEpochMilli());
	}
}
