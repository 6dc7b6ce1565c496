package io.zonepay.kernel;

import java.util.List;

/**
 * The HTTP headers that carry ZonePay's routing, identity and idempotency information.
 */
public final class ZonePayHeaders {

	/** The zone that served a response. */
	public static final String ZONE = "X-ZonePay-Zone";

	/** The routing epoch a response was served at, or a request was routed at. */
	public static final String EPOCH = "X-ZonePay-Epoch";

	/** The caller, as the gateway authenticated it, signed so services can trust it. */
	public static final String CALLER = "X-ZonePay-Caller";

	/** Which copy of global data answered a read ({@code cz-hz}, {@code gz}, ...). */
	public static final String SERVED_BY = "X-ZonePay-Served-By";

	/**
	 * {@code unavailable} on a read of global data a copy served while its writer, the
	 * GZone, cannot be reached from anywhere it can ask: the copy's last applied version,
	 * which no write can have overtaken.
	 */
	public static final String WRITER = "X-ZonePay-Writer";

	/**
	 * Tags load-test traffic ({@code shadow}); only a load-test credential may set it.
	 */
	public static final String TRAFFIC = "X-ZonePay-Traffic";

	/**
	 * The shard a call between a zone's own services acts on, so the callee uses the same
	 * shard group.
	 */
	public static final String SHARD = "X-ZonePay-Shard";

	/**
	 * When the caller stops waiting, as epoch milliseconds
	 * ({@link io.zonepay.kernel.deadline.Deadline}): set by the gateway, narrowed by
	 * every call between services; a service refuses a request that arrives after it.
	 */
	public static final String DEADLINE = "X-ZonePay-Deadline";

	public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

	/**
	 * Every header a client must never be able to set itself, because the gateway vouches
	 * for it.
	 */
	public static final List<String> GATEWAY_OWNED = List.of(CALLER, ZONE, EPOCH, SERVED_BY, WRITER, SHARD, DEADLINE);

	private ZonePayHeaders() {
	}

}
