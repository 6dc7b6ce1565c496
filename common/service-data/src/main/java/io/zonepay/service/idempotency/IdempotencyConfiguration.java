package io.zonepay.service.idempotency;

import io.zonepay.service.schema.ModuleSchema;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.service.zone.ZoneMdc;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Idempotent request handling for services with a database. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBean({ JdbcTemplate.class, PlatformTransactionManager.class })
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

	/**
	 * The {@code idempotency_keys} table, in every shard group database of the service.
	 */
	@Bean
	ModuleSchema idempotencySchema() {
		return new ModuleSchema("classpath:db/zonepay-idempotency", "zonepay_idempotency_history");
	}

	@Bean
	IdempotencyKeys idempotencyKeys(JdbcTemplate jdbc) {
		return new IdempotencyKeys(jdbc);
	}

	@Bean
	IdempotentRequests idempotentRequests(IdempotencyKeys keys, PlatformTransactionManager transactionManager,
			JsonMapper json, IdempotencyProperties properties) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		transactions.setTimeout((int) properties.transactionTimeout().toSeconds());
		return new IdempotentRequests(keys, transactions, json, properties);
	}

	/**
	 * A job of the service's scheduler (see ServiceDefaults), once per shard group the
	 * zone serves.
	 */
	@Bean
	SchedulingConfigurer idempotencyKeyPurge(IdempotencyKeys keys, IdempotencyProperties properties,
			ObjectProvider<ShardScopes> scopes) {
		IdempotencyKeyPurger purger = new IdempotencyKeyPurger(keys, properties);
		Runnable purge = ZoneMdc.carried(ShardScopes.inEachServedGroup(scopes.getIfAvailable(), purger::purge));
		return jobs -> jobs
			.addFixedDelayTask(new FixedDelayTask(purge, properties.purgeInterval(), properties.purgeInterval()));
	}

}
