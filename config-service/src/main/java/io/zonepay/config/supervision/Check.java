package io.zonepay.config.supervision;

import java.util.Collection;

/** What one health check of a zone saw. */
enum Check {

	/** Every service answered healthy in time. */
	ANSWERED,

	/**
	 * A service refused the connection or answered unhealthy: it is down or dying,
	 * however busy the host.
	 */
	REFUSED,

	/**
	 * A service did not answer in time: frozen, or only busy. Checks cannot tell the two
	 * apart, so a zone is failed over for slowness only after it has not answered for a
	 * while, and not at all for a round in which most zones were slow.
	 */
	SLOW;

	/**
	 * A zone's check from its services': answered when every one answered, else refused
	 * when one refused, else slow.
	 */
	static Check worst(Collection<Check> services) {
		return services.contains(REFUSED) ? REFUSED : services.contains(SLOW) ? SLOW : ANSWERED;
	}

}
