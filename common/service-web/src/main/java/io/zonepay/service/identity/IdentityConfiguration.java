package io.zonepay.service.identity;

import java.time.Clock;
import java.util.List;

import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.ReplayGuard;
import io.zonepay.runtime.identity.IdentityProperties;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.zone.FilterOrder;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers caller verification for every request a service's main port receives. */
@Configuration(proxyBeanMethods = false)
public class IdentityConfiguration implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<CallerFilter> callerFilter(CallerSigner signer, IdentityProperties properties,
			ProblemResponses problems) {
		CallerFilter filter = new CallerFilter(signer, new ReplayGuard(properties.replayCapacity(), Clock.systemUTC()),
				problems);
		FilterRegistrationBean<CallerFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(FilterOrder.CALLER);
		return registration;
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new CallerArgumentResolver());
	}

}
