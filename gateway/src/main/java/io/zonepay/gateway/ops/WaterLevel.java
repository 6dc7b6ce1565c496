package io.zonepay.gateway.ops;

import io.zonepay.gateway.admission.ZoneLimiters;

import org.jspecify.annotations.Nullable;

/**
 * How full a zone is: the load offered to it against its measured capacity, or, while
 * that is unmeasured, its requests in flight against the gateways' concurrency limit. 1.0
 * is full.
 *
 * @param level the load against the basis
 * @param basis {@code capacity} (requests per second against the zone's
 * {@code zone.<id>.capacity} switch) or {@code inflight} (requests in flight against the
 * limit)
 * @param requestsPerSecond offered to the zone, sheds included, over the last few seconds
 * @param capacity the measured capacity, requests per second; 0 while unmeasured
 * @param inflight the requests in flight now
 * @param limit the concurrency limit now; 0 before the zone's first request
 */
record WaterLevel(double level, String basis, double requestsPerSecond, long capacity, int inflight, int limit) {

	/**
	 * The seconds the load is averaged over: long enough to smooth a burst, short enough
	 * to be live.
	 */
	static final int WINDOW_SECONDS = 5;

	static WaterLevel of(double requestsPerSecond, long capacity, ZoneLimiters.@Nullable Level limits) {
		int inflight = limits == null ? 0 : limits.inflight();
		int limit = limits == null ? 0 : limits.limit();
		if (capacity > 0) {
			return new WaterLevel(requestsPerSecond / capacity, "capacity", requestsPerSecond, capacity, inflight,
					limit);
		}
		return new WaterLevel(limit == 0 ? 0 : inflight / (double) limit, "inflight", requestsPerSecond, 0, inflight,
				limit);
	}

}
