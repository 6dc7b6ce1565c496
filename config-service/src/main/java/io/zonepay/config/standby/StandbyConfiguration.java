package io.zonepay.config.standby;

import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.Writer;
import io.zonepay.config.relay.ChangeRelay;
import io.zonepay.config.replica.StandbyFeed;
import io.zonepay.config.routing.RoutingChanges;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.service.zone.ZoneProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * A standby GZone: its promotion, and the watch that promotes it when the writer is gone.
 */
@Configuration(proxyBeanMethods = false)
@Profile("standby")
class StandbyConfiguration {

	@Bean
	Promotion promotion(Writer writer, ChangeRelay relay, ChangeTopic topic, StandbyFeed feed, ChangeLog changes,
			RoutingChanges routing, ZoneProperties zone, StandbyProperties properties, MeterRegistry registry) {
		Gauge.builder("zonepay.gzone.writer", writer, current -> current.active() ? 1 : 0)
			.description("1 once this standby GZone is the writer")
			.register(registry);
		return new Promotion(writer, relay, topic, feed, changes, routing, zone.id(), properties.catchUpWithin());
	}

	@Bean
	StandbyWatch standbyWatch(StandbyFeed feed, Promotion promotion, Writer writer, StandbyProperties properties) {
		return new StandbyWatch(feed, promotion, writer, properties.promoteAfter());
	}

	/**
	 * Four looks a second: the writer's silence is read from memory; only a silent writer
	 * is asked over HTTP. A thread of its own, not a shared job scheduler's: the
	 * promotion's bound waits for no other job.
	 */
	@Bean
	PeriodicTask standbyWatchTask(StandbyWatch watch, StandbyProperties properties) {
		Runnable check = properties.automaticPromotion() ? watch::check : () -> {
		};
		return new PeriodicTask("standby-watch", Duration.ofSeconds(1), Duration.ofMillis(250), check);
	}

}
