package io.zonepay.payment.risk;

import java.time.Instant;
import java.util.Arrays;

/**
 * A sum over a sliding window of equal buckets (the rolling window of Hystrix and
 * Resilience4j): what was added in the last {@code buckets * bucketSeconds} seconds, to
 * the precision of one bucket. Immutable: adding answers a new window.
 *
 * @param bucketSeconds how many seconds a bucket spans
 * @param head the number of the newest bucket (epoch second / bucket seconds)
 * @param counts the buckets, bucket {@code b} at {@code b % counts.length}
 */
record RiskWindow(int bucketSeconds, long head, long[] counts) {

	RiskWindow {
		if (bucketSeconds <= 0 || counts.length == 0) {
			throw new IllegalArgumentException("a window has buckets of at least a second");
		}
		counts = counts.clone();
	}

	static RiskWindow of(int buckets, int bucketSeconds) {
		return new RiskWindow(bucketSeconds, 0, new long[buckets]);
	}

	/** What was added within the window that ends at {@code now}. */
	long sum(Instant now) {
		long newest = bucket(now);
		long oldest = Math.max(head - counts.length + 1, newest - counts.length + 1);
		long sum = 0;
		for (long b = oldest; b <= head; b++) {
			sum += counts[index(b)];
		}
		return sum;
	}

	/** This window with {@code amount} added at {@code now}. */
	RiskWindow add(Instant now, long amount) {
		long newest = Math.max(head, bucket(now));
		long[] next = counts.clone();
		for (long b = head + 1; b <= newest && b <= head + counts.length; b++) {
			next[index(b)] = 0;
		}
		// A clock a little behind (another instance's) counts in the newest bucket.
		next[index(newest)] += amount;
		return new RiskWindow(bucketSeconds, newest, next);
	}

	private long bucket(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), bucketSeconds);
	}

	private int index(long bucket) {
		return (int) Math.floorMod(bucket, (long) counts.length);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof RiskWindow window && window.bucketSeconds == bucketSeconds && window.head == head
				&& Arrays.equals(window.counts, counts);
	}

	@Override
	public int hashCode() {
		return 31 * Long.hashCode(head) + Arrays.hashCode(counts);
	}

	@Override
	public String toString() {
		return "RiskWindow[" + bucketSeconds + " s x " + counts.length + ", head " + head + ", "
				+ Arrays.toString(counts) + "]";
	}

}
