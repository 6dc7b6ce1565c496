package io.zonepay.service.zone;

import io.zonepay.runtime.routing.RoutingTables;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The zone's identity and the response stamping; an RZone's zone guard is service-data's.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZoneProperties.class)
public class ZoneConfiguration {

	@Bean
	FilterRegistrationBean<ZoneContextFilter> zoneContextFilter(ZoneProperties zone, RoutingTables tables,
			Environment environment) {
		String service = environment.getProperty("spring.application.name", "unknown");
		FilterRegistrationBean<ZoneContextFilter> registration = new FilterRegistrationBean<>(
				new ZoneContextFilter(zone.id().value(), service, tables));
		registration.setOrder(FilterOrder.ZONE_CONTEXT);
		return registration;
	}

}
