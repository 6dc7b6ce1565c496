package io.zonepay.kernel.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the nonces of caller assertions until they expire, so that each assertion is
 * accepted once. Memory is bounded: past {@code capacity} live nonces it refuses new ones
 * rather than forgetting old ones, because forgetting would let a replay through.
 */
public final class ReplayGuard {

	private final Map<String, Instant> seen = new ConcurrentHashMap<>();

	private final int capacity;

	private final Clock clock;

	public ReplayGuard(int capacity, Clock clock) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive");
		}
		this.capacity = capacity;
		this.clock = clock;
	}

	/**
	 * Records the assertion's nonce.
	 * @throws InvalidCallerException when the nonce was seen before, or too many are live
	 * to remember another
	 */
	public void accept(CallerAssertion assertion) {
		if (seen.size() >= capacity) {
			evictExpired();
			if (seen.size() >= capacity) {
				throw new InvalidCallerException("too many live caller assertions to check one more for replay");
			}
		}
		if (seen.putIfAbsent(assertion.nonce(), assertion.expiresAt()) != null) {
			throw new InvalidCallerException("the caller assertion was already used");
		}
	}

	private void evictExpired() {
		Instant now = clock.instant();
		seen.values().removeIf(expiresAt -> !now.isBefore(expiresAt));
	}

	int size() {
		return seen.size();
	}

}
