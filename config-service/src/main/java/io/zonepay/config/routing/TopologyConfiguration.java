package io.zonepay.config.routing;

import io.zonepay.kernel.zone.Topology;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The topology this GZone was deployed with, read from {@code zonepay.topology.*}: the
 * file that {@code zonepay.topology.location} names (the local four-zone layout by
 * default).
 */
@Configuration(proxyBeanMethods = false)
@Profile("!czone")
class TopologyConfiguration {

	@Bean
	Topology topology(Environment environment) {
		return Binder.get(environment)
			.bind("zonepay.topology", Topology.class)
			.orElseThrow(
					() -> new IllegalStateException("no topology: set zonepay.topology.location to a topology file"));
	}

}
