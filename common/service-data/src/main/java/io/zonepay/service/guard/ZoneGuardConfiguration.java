package io.zonepay.service.guard;

import io.zonepay.kernel.routing.ZoneGuard;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.service.zone.FilterOrder;
import io.zonepay.service.zone.ZoneProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zone guard of an RZone service, in front of every request its main port receives.
 */
@Configuration(proxyBeanMethods = false)
public class ZoneGuardConfiguration {

	@Bean
	ZoneGuard zoneGuard(ZoneProperties zone) {
		return new ZoneGuard(zone.id());
	}

	@Bean
	FilterRegistrationBean<ZoneGuardFilter> zoneGuardFilter(ZoneGuard guard, RoutingTables tables,
			ProblemResponses problems, ObjectProvider<ShardScopes> scopes) {
		FilterRegistrationBean<ZoneGuardFilter> registration = new FilterRegistrationBean<>(
				new ZoneGuardFilter(guard, tables, problems, scopes.getIfAvailable()));
		registration.setOrder(FilterOrder.ZONE_GUARD);
		return registration;
	}

}
