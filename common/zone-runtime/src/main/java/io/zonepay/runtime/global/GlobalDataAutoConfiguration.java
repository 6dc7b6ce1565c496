package io.zonepay.runtime.global;

import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.runtime.identity.IdentityAutoConfiguration;
import io.zonepay.runtime.routing.RoutingAutoConfiguration;
import io.zonepay.runtime.routing.RoutingTables;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The process's global data, and, when sources to read from are configured, the
 * background reader that keeps it current, its health and metrics.
 */
@AutoConfiguration(after = { IdentityAutoConfiguration.class, RoutingAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@EnableConfigurationProperties(GlobalDataProperties.class)
public class GlobalDataAutoConfiguration {

	@Bean
	GlobalData globalData(GlobalDataProperties properties, RoutingTables tables,
			ObjectProvider<GlobalDataClient> client) {
		return new GlobalData(tables, client.getIfAvailable(), properties.merchantCacheSize(),
				properties.merchantTimeToLive());
	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(SourcesConfigured.class)
	static class Reader {

		/** How long a merchant no one asked for is still kept fresh. */
		static final Duration MERCHANTS_KEPT_FOR = Duration.ofSeconds(10);

		/**
		 * How long the merchant refresh rests with no merchant kept, unless one is: only
		 * a bound, since a kept merchant wakes it.
		 */
		static final Duration MERCHANT_REFRESH_REST = Duration.ofMinutes(1);

		@Bean
		GlobalDataClient globalDataClient(GlobalDataProperties properties, CallerSigner signer) {
			return new GlobalDataClient(properties.sources(), properties.timeouts(), signer);
		}

		@Bean
		GlobalDataRefresher globalDataRefresher(GlobalDataClient client, GlobalData data,
				GlobalDataProperties properties, ObjectProvider<MeterRegistry> registry) {
			return new GlobalDataRefresher(client, data, properties.retryBackoff(),
					registry.getIfAvailable(SimpleMeterRegistry::new));
		}

		/**
		 * A thread of its own, not a shared job scheduler's: the routing table's
		 * freshness bound waits for no other job.
		 */
		@Bean
		PeriodicTask globalDataRefresh(GlobalDataRefresher refresher, GlobalDataProperties properties) {
			return new PeriodicTask("global-refresh", Duration.ZERO, properties.refreshInterval(),
					refresher::refreshNow);
		}

		/**
		 * Keeps the merchants in use fresh with one read every half time to live; a
		 * merchant not asked for in {@link #MERCHANTS_KEPT_FOR} is forgotten, so an idle
		 * process reads nothing, and with none kept the task rests until one is (every
		 * service of every zone woke for it twice a second).
		 */
		@Bean
		PeriodicTask merchantRefresh(GlobalData data, GlobalDataProperties properties) {
			Duration every = properties.merchantTimeToLive().dividedBy(2);
			PeriodicTask task = PeriodicTask.resting("merchant-refresh", every, MERCHANT_REFRESH_REST,
					() -> data.refreshMerchants(MERCHANTS_KEPT_FOR));
			data.whenFirstMerchantKept(() -> task.trigger(every));
			return task;
		}

		@Bean
		GlobalDataHealthIndicator globalDataHealthIndicator(GlobalData data) {
			return new GlobalDataHealthIndicator(data);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
	static class Actuator {

		@Bean
		GlobalDataEndpoint globalDataEndpoint(GlobalData data) {
			return new GlobalDataEndpoint(data);
		}

	}

}
