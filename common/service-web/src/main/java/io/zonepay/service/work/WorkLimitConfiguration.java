package io.zonepay.service.work;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.zone.FilterOrder;
import io.zonepay.service.zone.ZoneProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The work limit filter, and its meters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkLimitProperties.class)
public class WorkLimitConfiguration {

	@Bean
	FilterRegistrationBean<WorkLimitFilter> workLimitFilter(WorkLimitProperties properties, ProblemResponses problems,
			MeterRegistry registry, ZoneProperties zone, Environment environment) {
		String service = environment.getProperty("spring.application.name", "unknown");
		Counter refused = Counter.builder("zonepay.requests.busy")
			.description("Outside requests refused because the service was serving all it can finish in time")
			.tag("zone", zone.id().value())
			.tag("service", service)
			.register(registry);
		WorkLimitFilter filter = new WorkLimitFilter(properties, problems, refused, Clock.systemUTC());
		Gauge.builder("zonepay.requests.in.flight", filter, work -> work.inFlight(properties.maxInFlight()))
			.description("Outside requests the service is serving now")
			.tag("zone", zone.id().value())
			.tag("service", service)
			.register(registry);
		FilterRegistrationBean<WorkLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(FilterOrder.WORK_LIMIT);
		return registration;
	}

}
