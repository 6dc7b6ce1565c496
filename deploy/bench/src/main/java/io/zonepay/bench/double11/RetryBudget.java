package io.zonepay.bench.double11;

/**
 * The client's retries of shed requests, bounded as Google's SRE book has clients do:
 * every first attempt earns a tenth of a retry, a retry spends one, and at most a few are
 * saved up, so retries never add more than a tenth to a spike however long it lasts.
 */
final class RetryBudget {

	private static final double EARNED_PER_REQUEST = 0.1;

	private static final double MOST_SAVED = 10;

	private double tokens;

	synchronized void requested() {
		tokens = Math.min(MOST_SAVED, tokens + EARNED_PER_REQUEST);
	}

	synchronized boolean tryRetry() {
		if (tokens < 1) {
			return false;
		}
		tokens -= 1;
		return true;
	}

}
