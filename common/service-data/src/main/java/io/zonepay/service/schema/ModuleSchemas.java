package io.zonepay.service.schema;

import io.zonepay.service.shadow.ShadowSchemas;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Migrates a service's database with its own migrations, then with those of every module
 * feature it uses (each a {@link ModuleSchema} bean), on its home database and on every
 * shard group's database it adopts; then the database's shadow schema the same way, when
 * the service keeps shadow storage ({@link ShadowSchemas}).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@ConditionalOnClass(Flyway.class)
public class ModuleSchemas {

	@Bean
	@ConditionalOnMissingBean
	FlywayMigrationStrategy serviceThenModuleSchemas(ObjectProvider<ModuleSchema> schemas,
			ObjectProvider<ShadowSchemas> shadow) {
		return flyway -> {
			flyway.migrate();
			migrateModules(flyway.getConfiguration(), schemas);
			shadow.ifAvailable(shadowSchemas -> shadowSchemas.migrate(flyway.getConfiguration(), configuration -> {
				Flyway.configure(configuration.getClassLoader()).configuration(configuration).load().migrate();
				migrateModules(configuration, schemas);
			}));
		};
	}

	/**
	 * The service's own tables are there already: each feature's history starts at
	 * version 0 alongside them.
	 */
	private static void migrateModules(Configuration service, ObjectProvider<ModuleSchema> schemas) {
		schemas.orderedStream()
			.forEach(schema -> Flyway.configure(service.getClassLoader())
				.configuration(service)
				.locations(schema.location())
				.table(schema.historyTable())
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate());
	}

}
