package io.zonepay.service.inbox;

import java.time.Duration;

import io.zonepay.service.schema.ModuleSchema;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.service.zone.ZoneMdc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** The inbox, and its weekly memory. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean(JdbcTemplate.class)
public class InboxConfiguration {

	/**
	 * Kafka keeps events for 7 days; remembering them as long suffices to recognize any
	 * redelivery.
	 */
	private static final Duration RETENTION = Duration.ofDays(7);

	/** The {@code inbox} table, in every shard group database of the service. */
	@Bean
	ModuleSchema inboxSchema() {
		return new ModuleSchema("classpath:db/zonepay-inbox", "zonepay_inbox_history");
	}

	@Bean
	Inbox inbox(JdbcTemplate jdbc) {
		return new Inbox(JdbcClient.create(jdbc));
	}

	/**
	 * A job of the service's scheduler (see ServiceDefaults), once per shard group the
	 * zone serves.
	 */
	@Bean
	SchedulingConfigurer inboxPurge(Inbox inbox, ObjectProvider<ShardScopes> scopes) {
		Runnable purge = ZoneMdc.carried(
				ShardScopes.inEachServedGroup(scopes.getIfAvailable(), () -> inbox.purgeOlderThan(RETENTION, 1000)));
		return jobs -> jobs.addFixedDelayTask(new FixedDelayTask(purge, Duration.ofMinutes(5), Duration.ofMinutes(5)));
	}

}
