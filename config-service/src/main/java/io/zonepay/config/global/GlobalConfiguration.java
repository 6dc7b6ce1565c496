package io.zonepay.config.global;

import io.zonepay.service.problem.ProblemResponses;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/** What both roles share to serve global data, and who may write it. */
@Configuration(proxyBeanMethods = false)
class GlobalConfiguration {

	@Bean(destroyMethod = "close")
	ViewWaiters viewWaiters() {
		return new ViewWaiters();
	}

	/**
	 * A GZone starts as the writer, or as a standby (profile {@code standby}); a CZone
	 * never writes.
	 */
	@Bean
	Writer writer(Environment environment) {
		boolean writes = !environment.matchesProfiles("czone") && !environment.matchesProfiles("standby");
		return new Writer(writes ? Writer.Role.ACTIVE : Writer.Role.STANDBY);
	}

	@Bean
	@Profile("!czone")
	FilterRegistrationBean<WriterGate> writerGate(Writer writer, ProblemResponses problems) {
		FilterRegistrationBean<WriterGate> registration = new FilterRegistrationBean<>(
				new WriterGate(writer, problems));
		// Before the zone's own filters: a GZone that is not the writer does nothing for
		// anyone.
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}
