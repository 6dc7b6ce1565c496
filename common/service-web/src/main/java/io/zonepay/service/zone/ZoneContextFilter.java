package io.zonepay.service.zone;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.runtime.routing.RoutingTables;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stamps every response with the serving zone and routing epoch, and every log line of
 * the request with the zone and service, so that both a client and an operator can tell
 * where a request was served.
 */
final class ZoneContextFilter extends OncePerRequestFilter {

	private final String zone;

	private final String service;

	private final RoutingTables tables;

	ZoneContextFilter(String zone, String service, RoutingTables tables) {
		this.zone = zone;
		this.service = service;
		this.tables = tables;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(ZonePayHeaders.ZONE, zone);
		response.setHeader(ZonePayHeaders.EPOCH, Long.toString(tables.epoch()));
		MDC.put(ZoneMdc.ZONE, zone);
		MDC.put(ZoneMdc.SERVICE, service);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(ZoneMdc.ZONE);
			MDC.remove(ZoneMdc.SERVICE);
		}
	}

}
