package io.zonepay.service.traffic;

import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.zone.FilterOrder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationConvention;

/** The traffic filter, and the {@code traffic} tag of the HTTP server metrics. */
@Configuration(proxyBeanMethods = false)
public class TrafficConfiguration {

	@Bean
	FilterRegistrationBean<TrafficFilter> trafficFilter(ObjectProvider<ShadowSupport> shadow,
			ProblemResponses problems) {
		FilterRegistrationBean<TrafficFilter> registration = new FilterRegistrationBean<>(
				new TrafficFilter(shadow.getIfAvailable(() -> ShadowSupport.NONE), problems));
		registration.setOrder(FilterOrder.TRAFFIC);
		return registration;
	}

	@Bean
	ServerRequestObservationConvention trafficTaggedServerRequests() {
		return new TrafficObservationConvention();
	}

}
