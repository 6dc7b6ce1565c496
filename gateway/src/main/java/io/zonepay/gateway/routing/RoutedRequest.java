package io.zonepay.gateway.routing;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ZoneId;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * Where a request was sent: the zone, the epoch of the table that named it, the shard it
 * was routed by (none for global data), and the service of the zone that handles it.
 */
public record RoutedRequest(ZoneId zone, long epoch, @Nullable Shard shard, String service) {

	static final String ATTRIBUTE = RoutedRequest.class.getName();

	public static @Nullable RoutedRequest of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}
}
