package io.zonepay.gateway.identity;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.traffic.Traffic;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated caller of a request, and the traffic it was admitted as (real, or
 * shadow for a load-test credential), kept on the exchange for the filters that route and
 * sign it.
 */
public final class GatewayCaller {

	static final String ATTRIBUTE = GatewayCaller.class.getName();

	static final String TRAFFIC = GatewayCaller.class.getName() + ".traffic";

	private GatewayCaller() {
	}

	public static @Nullable Caller of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	/** Real unless the request was admitted as shadow traffic. */
	public static Traffic trafficOf(ServerWebExchange exchange) {
		Traffic traffic = exchange.getAttribute(TRAFFIC);
		return traffic == null ? Traffic.REAL : traffic;
	}

}
