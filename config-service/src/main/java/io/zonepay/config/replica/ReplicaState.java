package io.zonepay.config.replica;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.zonepay.config.global.Watermark;

import org.jspecify.annotations.Nullable;

/**
 * The CZone's committed position, in memory, for readers: how stale the copy is, and a
 * bounded wait for a version (read-your-writes across cities). Moves only after the
 * transaction that stored it committed.
 */
final class ReplicaState {

	private final Clock clock;

	private final Duration bound;

	private volatile @Nullable Position position;

	private long readTo;

	ReplicaState(Clock clock, Duration bound) {
		this.clock = clock;
		this.bound = bound;
	}

	/**
	 * Everything before {@code offset} is read and applied: what a standby's catch-up
	 * waits for.
	 */
	synchronized void readTo(long offset) {
		readTo = offset;
		notifyAll();
	}

	synchronized void advance(Position next) {
		position = next;
		notifyAll();
	}

	@Nullable Position position() {
		return position;
	}

	Watermark watermark() {
		Position current = position;
		return current == null ? new Watermark(0, Instant.EPOCH) : current.watermark();
	}

	/** How old the copy is: now minus the GZone time up to which it is complete. */
	Duration staleness() {
		Position current = position;
		if (current == null) {
			return Duration.ofDays(365);
		}
		Duration age = Duration.between(current.sourceTime(), clock.instant());
		return age.isNegative() ? Duration.ZERO : age;
	}

	boolean fresh() {
		return position != null && staleness().compareTo(bound) <= 0;
	}

	Duration bound() {
		return bound;
	}

	/**
	 * Waits at most {@code timeout} for the copy to have read the log up to
	 * {@code offset}; answers whether it did.
	 */
	synchronized boolean awaitOffset(long offset, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (readTo < offset) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}

	/**
	 * Waits at most {@code timeout} for the copy to reach {@code version}; answers
	 * whether it did.
	 */
	synchronized boolean awaitVersion(long version, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (watermark().version() < version) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return false;
			}
			wait(Math.max(1, left / 1_000_000));
		}
		return true;
	}

}
