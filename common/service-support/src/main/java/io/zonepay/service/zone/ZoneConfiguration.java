package io.zonepay.service.zone;

import io.zonepay.kernel.routing.ZoneGuard;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.shardgroup.ShardScopes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The zone's identity, the response stamping and the zone guard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZoneProperties.class)
public class ZoneConfiguration {

	@Bean
	ZoneGuard zoneGuard(ZoneProperties zone) {
		return new ZoneGuard(zone.id());
	}

	@Bean
	FilterRegistrationBean<ZoneContextFilter> zoneContextFilter(ZoneProperties zone, RoutingTables tables, Environment environment) {
		String service = environment.getProperty("spring.application.name", "unknown");
		FilterRegistrationBean<ZoneContextFilter> registration = new FilterRegistrationBean<>(new ZoneContextFilter(zone.id().value(), service, tables));
		registration.setOrder(FilterOrder.ZONE_CONTEXT);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ZoneGuardFilter> zoneGuardFilter(ZoneGuard guard, RoutingTables tables, ProblemResponses problems,
			ObjectProvider<ShardScopes> scopes) {
		FilterRegistrationBean<ZoneGuardFilter> registration = new FilterRegistrationBean<>(
				new ZoneGuardFilter(guard, tables, problems, scopes.getIfAvailable()));
		registration.setOrder(FilterOrder.ZONE_GUARD);
		return registration;
	}
}
