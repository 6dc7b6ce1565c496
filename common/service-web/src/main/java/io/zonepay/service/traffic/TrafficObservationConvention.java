package io.zonepay.service.traffic;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.zonepay.kernel.traffic.Traffic;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Spring's HTTP server metrics with a {@code traffic} tag ({@code real} or
 * {@code shadow}), so a dashboard shows a load test apart from the users it runs beside.
 */
final class TrafficObservationConvention extends DefaultServerRequestObservationConvention {

	@Override
	public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
		Object traffic = context.getCarrier().getAttribute(TrafficFilter.ATTRIBUTE);
		return super.getLowCardinalityKeyValues(context)
			.and(KeyValue.of("traffic", traffic instanceof Traffic known ? known.tag() : Traffic.REAL.tag()));
	}

}
