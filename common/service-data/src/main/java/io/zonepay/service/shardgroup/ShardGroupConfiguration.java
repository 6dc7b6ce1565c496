package io.zonepay.service.shardgroup;

import java.util.Objects;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.service.schema.ModuleSchema;
import io.zonepay.service.shadow.ShadowProperties;
import io.zonepay.service.shadow.ShadowSchemas;
import io.zonepay.service.traffic.ShadowSupport;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Shard groups of an RZone service ({@code zonepay.zone.shard-group} set): the data
 * source that routes each unit of work to its shard group's database (and real or shadow
 * work to its schema), the leases that fence the writes, and the task that keeps the
 * leases in step with the routing table.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("zonepay.zone.shard-group")
@EnableConfigurationProperties({ ShardGroupProperties.class, ShardLeaseProperties.class, ShadowProperties.class })
public class ShardGroupConfiguration {

	/**
	 * The lease table and its fence on the service's sharded tables, in every shard group
	 * database the service uses.
	 */
	@Bean
	ModuleSchema shardLeaseSchema() {
		return new ModuleSchema("classpath:db/zonepay-shard-leases", "zonepay_shard_leases_history");
	}

	@Bean
	ShardGroups shardGroups(@Value("${zonepay.zone.shard-group}") String home, ShardGroupProperties properties,
			RoutingTables tables) {
		return new ShardGroups(ShardGroupId.of(home), Objects.requireNonNull(properties.catalog()),
				properties.urlTemplate(), tables::current);
	}

	/**
	 * Every user of the service's data source (JPA, JDBC, Flyway, the outbox) gets the
	 * routing one.
	 */
	@Bean
	static BeanPostProcessor shardGroupDataSource(ObjectProvider<ShardGroups> groups,
			ObjectProvider<ShadowProperties> shadow) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof HikariDataSource home && "dataSource".equals(name)
						? new ShardGroupDataSource(home, groups.getObject(), shadow.getObject()) : bean;
			}
		};
	}

	/**
	 * Shadow storage: the shadow schema of every database, migrated with the real one;
	 * shadow requests are served only while it is on.
	 */
	@Bean
	ShadowSupport shadowSupport(ShadowProperties shadow) {
		return shadow.on() ? ShadowSupport.STORAGE : ShadowSupport.NONE;
	}

	/**
	 * The non-unitized deployment ({@code zonepay.shard-groups.connect-all}): a pool on
	 * every shard group's database, opened at start and kept, whatever the zone serves.
	 */
	@Bean
	ApplicationRunner connectToEveryShardGroup(DataSource dataSource, ShardGroupProperties properties) {
		return arguments -> {
			if (!properties.connectAll()) {
				return;
			}
			for (String group : properties.catalog().keySet()) {
				try (java.sql.Connection opened = ((ShardGroupDataSource) dataSource).of(ShardGroupId.of(group))
					.getConnection()) {
					// Opening the pool is the point: it keeps its idle connections.
				}
			}
		};
	}

	@Bean
	@ConditionalOnProperty(name = "zonepay.shadow.enabled", matchIfMissing = true)
	ShadowSchemas shadowSchemas(ShadowProperties shadow) {
		return new ShadowSchemas(shadow);
	}

	/**
	 * Spring closes the pool it created, not the routing data source put in its place, so
	 * the pools of adopted groups are closed here (before the home pool). Left open,
	 * their sessions outlive the service, and with them what they hold: the outbox
	 * relay's leadership of an adopted group would keep every other zone from publishing
	 * that group's events.
	 */
	@Bean
	DisposableBean adoptedShardGroupPools(DataSource dataSource) {
		return ((ShardGroupDataSource) dataSource)::closeAdopted;
	}

	@Bean
	ShardLeases shardLeases(@Value("${zonepay.zone.id}") String zone, RoutingTables tables, ShardGroups groups,
			DataSource dataSource, ShardLeaseProperties properties, ObjectProvider<Flyway> flyway,
			ObjectProvider<FlywayMigrationStrategy> strategy, MeterRegistry registry,
			ApplicationEventPublisher events) {
		if (!(dataSource instanceof ShardGroupDataSource routing)) {
			throw new IllegalStateException(
					"shard groups need the service's data source to be Spring Boot's Hikari pool named dataSource");
		}
		ShardLeases leases = new ShardLeases(ZoneId.of(zone), tables, groups, routing, properties,
				migration(flyway, strategy), events::publishEvent);
		Gauge.builder("zonepay.shard.leases.held", leases, held -> held.held().size())
			.description("Shards whose lease this zone holds")
			.register(registry);
		return leases;
	}

	/** Where the zone's other services say what they released. */
	@Bean
	ShardLeaseController shardLeaseController(ShardLeases leases) {
		return new ShardLeaseController(leases);
	}

	/**
	 * An adopted group's database was migrated by its own zone's services when they
	 * started, with the same code; only a database they never reached (no lease table
	 * yet) is migrated here. Running Flyway on every adoption would cost seconds of the
	 * failover on a busy zone.
	 */
	private static Consumer<DataSource> migration(ObjectProvider<Flyway> flyway,
			ObjectProvider<FlywayMigrationStrategy> strategy) {
		return database -> {
			Flyway home = flyway.getIfAvailable();
			if (home == null || migrated(database)) {
				return;
			}
			Flyway adopted = Flyway.configure(home.getConfiguration().getClassLoader())
				.configuration(home.getConfiguration())
				.dataSource(database)
				.load();
			FlywayMigrationStrategy migrate = strategy.getIfAvailable();
			if (migrate != null) {
				migrate.migrate(adopted);
			}
			else {
				adopted.migrate();
			}
		};
	}

	private static boolean migrated(DataSource database) {
		try (java.sql.Connection connection = database.getConnection();
				java.sql.ResultSet result = connection.createStatement()
					.executeQuery("select to_regclass('shard_leases') is not null")) {
			return result.next() && result.getBoolean(1);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException("cannot tell whether the adopted shard group is migrated", ex);
		}
	}

	@Bean
	ShardScopes shardScopes(ShardGroups groups, ShardLeases leases, ShardLeaseProperties properties,
			ShadowProperties shadow) {
		return new ShardScopes(groups, leases, properties.await(), shadow.on());
	}

	/**
	 * A thread of its own, not the shared job scheduler's: a hand-over waits for this
	 * step, so no other job may delay it. It steps at its interval while leases move, and
	 * otherwise wakes when a new routing table arrives (once a second at least).
	 */
	@Bean
	PeriodicTask shardLeaseFollower(ShardLeases leases, ShardLeaseProperties properties, RoutingTables tables) {
		PeriodicTask follower = PeriodicTask.resting("shard-leases", properties.interval(), properties.rest(),
				leases::follow);
		tables.whenNewer(follower::trigger);
		return follower;
	}

}
