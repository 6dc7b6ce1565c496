package io.zonepay.service.schema;

import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates the tables service-support's features need ({@code idempotency_keys}, later the outbox and inbox) in every
 * service's database, right after the service's own migrations. They have a history table of their own, so the
 * service's version numbers and the support's never collide, and every service gets the same, single definition.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Flyway.class)
public class SupportSchema {

	static final String LOCATION = "classpath:db/zonepay-support";

	static final String HISTORY_TABLE = "zonepay_support_history";

	@Bean
	@ConditionalOnMissingBean
	FlywayMigrationStrategy serviceThenSupportSchema() {
		return flyway -> {
			flyway.migrate();
			// The service's own tables are there already: start the support history at version 0 alongside them.
			Flyway.configure(flyway.getConfiguration().getClassLoader())
				.configuration(flyway.getConfiguration())
				.locations(LOCATION)
				.table(HISTORY_TABLE)
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate();
		};
	}
}
