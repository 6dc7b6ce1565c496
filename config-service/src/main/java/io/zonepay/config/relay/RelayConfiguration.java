package io.zonepay.config.relay;

import java.time.Duration;

import javax.sql.DataSource;

import io.zonepay.config.global.ChangeLog;
import io.zonepay.config.global.ChangeTopic;
import io.zonepay.config.global.ReplicationProperties;
import io.zonepay.config.global.Writer;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.service.leadership.DatabaseLeadership;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The GZone's relay, stepping on a thread of its own. */
@Configuration(proxyBeanMethods = false)
@Profile("!czone")
class RelayConfiguration {

	@Bean(destroyMethod = "close")
	ChangeRelay changeRelay(ChangeLog changes, ChangeTopic topic, ReplicationProperties properties,
			DataSource dataSource, Writer writer) {
		return new ChangeRelay(changes, topic, properties, new DatabaseLeadership(dataSource, "global change relay"),
				writer);
	}

	/**
	 * A thread of its own, not a shared job scheduler's: a commit wakes it at once, never
	 * beside a scheduled run.
	 */
	@Bean
	PeriodicTask changeRelayTask(ChangeRelay relay, ReplicationProperties properties) {
		return new PeriodicTask("change-relay", Duration.ZERO, properties.relayInterval(), relay::tick);
	}

	/** Publishes a write as soon as it commits, instead of at the relay's next step. */
	@Bean
	RelayWakeUp relayWakeUp(PeriodicTask changeRelayTask) {
		return new RelayWakeUp(changeRelayTask);
	}

}
