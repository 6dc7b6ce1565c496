package io.zonepay.runtime.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.runtime.identity.IdentityAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The in-memory routing table, its health, and, when a source is configured, the background reader that fills it. */
@AutoConfiguration(after = IdentityAutoConfiguration.class, afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(RoutingProperties.class)
public class RoutingAutoConfiguration {

	@Bean
	RoutingTables routingTables() {
		return new RoutingTables();
	}

	@Bean
	RoutingTableHealthIndicator routingTableHealthIndicator(RoutingTables tables) {
		return new RoutingTableHealthIndicator(tables);
	}

	@Bean
	@ConditionalOnProperty("zonepay.routing.source")
	RoutingTableRefresher routingTableRefresher(RoutingProperties properties, RoutingTables tables, CallerSigner signer,
			ObjectProvider<MeterRegistry> registry) {
		URI source = Objects.requireNonNull(properties.source());
		RoutingTableClient client = new RoutingTableClient(source, properties.connectTimeout(), properties.requestTimeout(), signer);
		return new RoutingTableRefresher(client, tables, registry.getIfAvailable(SimpleMeterRegistry::new));
	}

	@Bean
	@ConditionalOnProperty("zonepay.routing.source")
	PeriodicTask routingRefresh(RoutingTableRefresher refresher, RoutingProperties properties) {
		return new PeriodicTask("routing-refresh", Duration.ZERO, properties.refreshInterval(), refresher::refreshNow);
	}
}
