package io.zonepay.gateway.identity;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.zonepay.kernel.traffic.Traffic;

import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The gateway's HTTP server metrics with a {@code traffic} tag ({@code real} or
 * {@code shadow}), as the zones' have: a full-link load test is told apart from the users
 * it runs beside at the edge too.
 */
@Component
class TrafficTaggedRequests extends DefaultServerRequestObservationConvention {

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		Object traffic = context.getAttributes().get(GatewayCaller.TRAFFIC);
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of("traffic", traffic instanceof Traffic known ? known.tag() : Traffic.REAL.tag()));
	}

}
