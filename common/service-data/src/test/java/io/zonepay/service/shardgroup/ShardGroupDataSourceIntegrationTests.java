package io.zonepay.service.shardgroup;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.testkit.SharedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A service's routing data source in a real Spring context on real PostgreSQL: what it
 * opened for a group it adopted is closed with the service, so no session of it outlives
 * the service and keeps holding what it held.
 */
class ShardGroupDataSourceIntegrationTests {

	private static final long LEADERSHIP = 4_242;

	@Test
	void aServiceThatStopsClosesThePoolsOfTheGroupsItAdoptedAndWhatTheirSessionsHeldIsFreed() throws SQLException {
		String home = SharedPostgres.createDatabase("sg_home");
		String adopted = SharedPostgres.createDatabase("sg_adopted");
		ApplicationContextRunner service = service(home, adopted);
		service.run(context -> {
			ShardGroupDataSource dataSource = context.getBean(ShardGroupDataSource.class);
			// As the outbox relay of an adopted group leads: a session-level lock on a
			// connection it keeps.
			Connection connection = dataSource.of(ShardGroupId.of("sg2")).getConnection();
			assertThat(tryLock(connection)).isTrue();
		});

		try (Connection other = DriverManager.getConnection(adopted, SharedPostgres.user(), "")) {
			assertThat(tryLock(other)).as("the lock the stopped service's session held on the adopted group").isTrue();
		}
	}

	@Test
	void shadowWorkGetsConnectionsThatSeeOnlyTheShadowSchemaOfItsGroupAndNoneWhenShadowStorageIsOff()
			throws SQLException {
		String home = SharedPostgres.createDatabase("sg_shadow_home");
		String adopted = SharedPostgres.createDatabase("sg_shadow_adopted");
		ApplicationContextRunner service = service(home, adopted);
		service.run(context -> {
			DataSource dataSource = context.getBean(DataSource.class);
			ShardScopes scopes = context.getBean(ShardScopes.class);
			assertThat(searchPath(dataSource)).isEqualTo("\"$user\", public");
			try (TrafficScope.Scope shadow = TrafficScope.enter(Traffic.SHADOW)) {
				assertThat(searchPath(dataSource)).isEqualTo("shadow");
				try (ShardScopes.Scope adoptedShard = scopes.enter(Shard.of(2))) {
					assertThat(adopted).contains("/" + database(dataSource) + "?");
					assertThat(searchPath(dataSource)).isEqualTo("shadow");
				}
			}
			assertThat(searchPath(dataSource)).as("back to real work").isEqualTo("\"$user\", public");
		});
		service.withPropertyValues("zonepay.shadow.enabled=false").run(context -> {
			DataSource dataSource = context.getBean(DataSource.class);
			try (TrafficScope.Scope shadow = TrafficScope.enter(Traffic.SHADOW)) {
				assertThatExceptionOfType(SQLException.class).isThrownBy(dataSource::getConnection)
					.withMessageContaining("shadow storage is off");
			}
		});
	}

	@Test
	void aPoolOpenedAgainAfterItsGroupWasClosedIsNamedUntilItIsClosedAgain() {
		String home = SharedPostgres.createDatabase("sg_late_home");
		String adopted = SharedPostgres.createDatabase("sg_late_adopted");
		service(home, adopted).run(context -> {
			ShardGroupDataSource dataSource = context.getBean(ShardGroupDataSource.class);
			ShardGroupId sg2 = ShardGroupId.of("sg2");
			dataSource.of(sg2);
			assertThat(dataSource.reopened()).as("adopted, not reopened").isEmpty();
			dataSource.close(sg2);

			// Work that began before the zone gave the group away.
			dataSource.of(sg2);
			dataSource.shadowOf(sg2);

			assertThat(dataSource.isOpen(sg2)).isTrue();
			assertThat(dataSource.reopened()).containsExactly(sg2);
			dataSource.inUse(sg2);
			assertThat(dataSource.reopened()).as("adopted again: its pool is the zone's").isEmpty();
			dataSource.close(sg2);
			dataSource.of(sg2);
			assertThat(dataSource.reopened()).containsExactly(sg2);
			dataSource.close(sg2);
			assertThat(dataSource.isOpen(sg2)).isFalse();
			assertThat(dataSource.reopened()).isEmpty();
		});
	}

	@Test
	void aNonUnitizedServiceKeepsAPoolOnEveryShardGroupsDatabaseFromTheStart() {
		String home = SharedPostgres.createDatabase("sg_all_home");
		String other = SharedPostgres.createDatabase("sg_all_other");
		service(home, other).withPropertyValues("zonepay.shard-groups.connect-all=true").run(context -> {
			context.getBean(ApplicationRunner.class).run(null);
			assertThat(context.getBean(ShardGroupDataSource.class).isOpen(ShardGroupId.of("sg2"))).isTrue();
		});
	}

	/**
	 * A service of rz1 whose home is sg1 (shards 0-1), with sg2 (shards 2-3) to adopt.
	 */
	private static ApplicationContextRunner service(String home, String sg2) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withUserConfiguration(ShardGroupConfiguration.class, Zone.class)
			.withPropertyValues("spring.datasource.url=" + home, "spring.datasource.username=" + SharedPostgres.user(),
					"zonepay.zone.id=rz1", "zonepay.zone.shard-group=sg1",
					"zonepay.shard-groups.catalog.sg1.shards=0,1", "zonepay.shard-groups.catalog.sg1.url=" + home,
					"zonepay.shard-groups.catalog.sg2.shards=2,3", "zonepay.shard-groups.catalog.sg2.url=" + sg2);
	}

	private static String searchPath(DataSource dataSource) throws SQLException {
		return single(dataSource, "show search_path");
	}

	private static String database(DataSource dataSource) throws SQLException {
		return single(dataSource, "select current_database()");
	}

	private static String single(DataSource dataSource, String sql) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				ResultSet result = connection.createStatement().executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
			lock.setLong(1, LEADERSHIP);
			try (ResultSet result = lock.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Zone {

		@Bean
		RoutingTables routingTables() {
			return new RoutingTables();
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
