package io.zonepay.runtime.routing;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/** The in-memory routing table and its health; global data fills it (see {@code GlobalDataAutoConfiguration}). */
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
}
