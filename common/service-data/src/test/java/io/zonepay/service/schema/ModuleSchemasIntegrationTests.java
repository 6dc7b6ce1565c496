package io.zonepay.service.schema;

import java.util.List;

import io.zonepay.testkit.SharedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables of module features on real PostgreSQL, migrated as a service starts: the
 * features it uses get their tables after the service's own, the others none; and a
 * database whose tables came from the one history all features shared before
 * ({@code zonepay_support_history}) migrates again without losing a row.
 */
class ModuleSchemasIntegrationTests {

	private static final ModuleSchema LEASES = new ModuleSchema("classpath:db/zonepay-shard-leases",
			"zonepay_shard_leases_history");

	private static final ModuleSchema IDEMPOTENCY = new ModuleSchema("classpath:db/zonepay-idempotency",
			"zonepay_idempotency_history");

	@Test
	void aServiceGetsTheTablesOfTheFeaturesItUsesAndNoOthers() {
		String url = SharedPostgres.createDatabase("features");
		service(url, IdempotencyOnly.class).run(context -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(tables(jdbc)).contains("orders", "idempotency_keys", "zonepay_idempotency_history")
				.doesNotContain("shard_leases", "inbox", "outbox", "zonepay_support_history");
			assertThat(jdbc.queryForList(
					"select column_name from information_schema.columns where table_name = 'idempotency_keys'",
					String.class))
				.contains("response_location");
		});
	}

	@Test
	void aDatabaseMigratedUnderTheSharedHistoryMigratesAgainAndKeepsItsRows() {
		String url = SharedPostgres.createDatabase("shared_history");
		Flyway.configure()
			.dataSource(url, SharedPostgres.user(), "")
			.locations("classpath:db/test-service")
			.load()
			.migrate();
		// As the shared history left them: every table there already, under a history the
		// features no longer read.
		for (ModuleSchema schema : List.of(LEASES, IDEMPOTENCY)) {
			Flyway.configure()
				.dataSource(url, SharedPostgres.user(), "")
				.locations(schema.location())
				.table("old_" + schema.historyTable())
				.baselineOnMigrate(true)
				.baselineVersion("0")
				.load()
				.migrate();
		}
		JdbcTemplate before = new JdbcTemplate(new DriverManagerDataSource(url, SharedPostgres.user(), ""));
		before.update("insert into shard_leases (shard, owner_zone, epoch, released, updated_at) "
				+ "values (7, 'rz1', 1, false, now())");
		before.update("""
				insert into idempotency_keys (caller, idempotency_key, fingerprint, state, claim_token,
				    locked_until, created_at)
				values ('user:107', 'k1', repeat('0', 64), 'IN_FLIGHT', gen_random_uuid(), now(), now())
				""");

		service(url, LeasesAndIdempotency.class).run(context -> {
			assertThat(context).hasNotFailed();
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from shard_leases", Integer.class)).isOne();
			assertThat(jdbc.queryForObject("select count(*) from idempotency_keys", Integer.class)).isOne();
			assertThat(jdbc.queryForObject("select count(*) from pg_trigger where tgname = 'orders_fenced'",
					Integer.class))
				.isOne();
			assertThat(tables(jdbc)).contains("zonepay_shard_leases_history", "zonepay_idempotency_history");
		});
	}

	private static ApplicationContextRunner service(String url, Class<?> features) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class))
			.withUserConfiguration(ModuleSchemas.class, features)
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=" + SharedPostgres.user(),
					"spring.flyway.locations=classpath:db/test-service");
	}

	private static List<String> tables(JdbcTemplate jdbc) {
		return jdbc.queryForList(
				"select table_name from information_schema.tables where table_schema = current_schema()", String.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class IdempotencyOnly {

		@Bean
		ModuleSchema idempotency() {
			return IDEMPOTENCY;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LeasesAndIdempotency {

		@Bean
		ModuleSchema leases() {
			return LEASES;
		}

		@Bean
		ModuleSchema idempotency() {
			return IDEMPOTENCY;
		}

	}

}
