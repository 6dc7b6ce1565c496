package io.zonepay.service.deadline;

import java.time.Clock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.zone.FilterOrder;
import io.zonepay.service.zone.ZoneProperties;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The deadline filter, and the meter of the requests it refused. */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

	@Bean
	FilterRegistrationBean<DeadlineFilter> deadlineFilter(ProblemResponses problems, MeterRegistry registry,
			ZoneProperties zone, Environment environment) {
		Counter refused = Counter.builder("zonepay.requests.deadline.passed")
			.description("Requests refused because their caller had stopped waiting before they could start")
			.tag("zone", zone.id().value())
			.tag("service", environment.getProperty("spring.application.name", "unknown"))
			.register(registry);
		FilterRegistrationBean<DeadlineFilter> registration = new FilterRegistrationBean<>(
				new DeadlineFilter(problems, refused, Clock.systemUTC()));
		registration.setOrder(FilterOrder.DEADLINE);
		return registration;
	}

}
