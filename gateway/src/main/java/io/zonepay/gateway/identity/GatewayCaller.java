package io.zonepay.gateway.identity;

import io.zonepay.kernel.identity.Caller;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated caller of a request, kept on the exchange for the filters that route
 * and sign it.
 */
public final class GatewayCaller {

	static final String ATTRIBUTE = GatewayCaller.class.getName();

	private GatewayCaller() {
	}

	public static @Nullable Caller of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

}
