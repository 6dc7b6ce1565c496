package io.zonepay.runtime.routing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The in-memory routing table and its health; global data fills it (see
 * {@code GlobalDataAutoConfiguration}).
 */
@AutoConfiguration
public class RoutingAutoConfiguration {

	@Bean
	RoutingTables routingTables() {
		return new RoutingTables();
	}

	@Bean
	RoutingTableHealthIndicator routingTableHealthIndicator(RoutingTables tables) {
		return new RoutingTableHealthIndicator(tables);
	}

	/**
	 * The epoch this process routes by, as {@code zonepay.routing.epoch}: after a
	 * failover or a drain, dashboards watch the GZone's epoch reach every CZone, gateway
	 * and zone service.
	 */
	@Bean
	MeterBinder routingEpochMeter(RoutingTables tables) {
		return registry -> Gauge.builder("zonepay.routing.epoch", tables, RoutingTables::epoch)
			.description("The epoch of the routing table this process routes by; 0 before it has one")
			.register(registry);
	}

}
