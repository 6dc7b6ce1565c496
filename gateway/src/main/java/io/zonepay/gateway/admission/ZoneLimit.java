package io.zonepay.gateway.admission;

import java.util.concurrent.TimeUnit;

import com.netflix.concurrency.limits.limit.AbstractLimit;

/**
 * Additive increase, multiplicative decrease, as Netflix's {@code AIMDLimit}, with one
 * difference, and the reason it is ours: a limit that fell below the initial one comes
 * back half the way to it in every window the zone answers in time, in use or not.
 * Netflix's raises only a limit in use, so one slow minute (a cold start, the cut-over of
 * a split loading the host) left a quiet zone at the floor for good, and the next second
 * of slowness shed its requests at once. Above the initial limit, only use raises it.
 */
final class ZoneLimit extends AbstractLimit {

	private final int initialLimit;

	private final int minLimit;

	private final int maxLimit;

	private final double backoff;

	private final long targetNanos;

	ZoneLimit(AdmissionProperties properties) {
		super(properties.initialLimit());
		this.initialLimit = properties.initialLimit();
		this.minLimit = properties.minLimit();
		this.maxLimit = properties.maxLimit();
		this.backoff = properties.backoff();
		this.targetNanos = properties.latencyTarget().toNanos();
	}

	@Override
	protected int _update(long startTime, long rtt, int inflight, boolean didDrop) {
		int limit = getLimit();
		int next;
		if (didDrop || rtt > targetNanos) {
			next = (int) (limit * backoff);
		}
		else if (limit < initialLimit) {
			next = limit + Math.max(1, (initialLimit - limit) / 2);
		}
		else if (inflight * 2 >= limit) {
			next = limit + 1;
		}
		else {
			next = limit;
		}
		return Math.min(maxLimit, Math.max(minLimit, next));
	}

	@Override
	public String toString() {
		return "ZoneLimit [limit=" + getLimit() + ", target=" + TimeUnit.NANOSECONDS.toMillis(targetNanos) + " ms]";
	}

}
