package io.zonepay.service.schema;

import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Migrates a service's database with its own migrations, then with those of every module
 * feature it uses (each a {@link ModuleSchema} bean), on its home database and on every
 * shard group's database it adopts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Flyway.class)
public class ModuleSchemas {

	@Bean
	@ConditionalOnMissingBean
	FlywayMigrationStrategy serviceThenModuleSchemas(ObjectProvider<ModuleSchema> schemas) {
		return flyway -> {
			flyway.migrate();
			// The service's own tables are there already: start each feature's history at
			// version 0 alongside them.
			schemas.orderedStream()
				.forEach(schema -> Flyway.configure(flyway.getConfiguration().getClassLoader())
					.configuration(flyway.getConfiguration())
					.locations(schema.location())
					.table(schema.historyTable())
					.baselineOnMigrate(true)
					.baselineVersion("0")
					.load()
					.migrate());
		};
	}

}
