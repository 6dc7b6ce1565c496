package io.zonepay.payment.zone;

/**
 * How many retries a client may still make: every call earns a fraction of one, every
 * retry spends one, and at most a burst's worth is saved. A few failures are retried at
 * once; when most calls fail (the service is overloaded, which is when a retry hurts
 * most) retries are held to that fraction of the calls instead of multiplying the load by
 * the number of attempts.
 */
final class RetryBudget {

	private final double earnedPerCall;

	private final double burst;

	private double tokens;

	RetryBudget(double earnedPerCall, int burst) {
		if (earnedPerCall < 0 || burst < 0) {
			throw new IllegalArgumentException("a retry budget cannot be negative");
		}
		this.earnedPerCall = earnedPerCall;
		this.burst = burst;
		this.tokens = burst;
	}

	synchronized void called() {
		tokens = Math.min(burst, tokens + earnedPerCall);
	}

	synchronized boolean allowsRetry() {
		return tokens >= 1;
	}

	/**
	 * Spends one retry; concurrent callers may take the budget a little below zero, which
	 * later calls pay back.
	 */
	synchronized void spend() {
		tokens -= 1;
	}

}
