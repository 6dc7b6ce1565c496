package io.zonepay.service.data;

import io.zonepay.service.ServiceWebAutoConfiguration;
import io.zonepay.service.guard.ZoneGuardConfiguration;
import io.zonepay.service.idempotency.IdempotencyConfiguration;
import io.zonepay.service.schema.ModuleSchemas;
import io.zonepay.service.shardgroup.ShardGroupConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Everything an RZone service gets by depending on this module: the databases and leases
 * of its shard groups, the zone guard in front of its requests, idempotent requests, and
 * the tables of each in its databases. Switched on by the zone's shard group
 * ({@code zonepay.zone.shard-group}) rather than by the classpath alone, because one
 * process may host an RZone's services next to a service that has none (the end-to-end
 * suite hosts every service in one JVM). It turns scheduling on for its jobs before
 * Boot's task scheduling auto-configuration, which only then provides the bounded
 * scheduler they run on ({@code spring.task.scheduling}).
 */
@AutoConfiguration(after = ServiceWebAutoConfiguration.class,
		afterName = { "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
				"org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
				"org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration" },
		beforeName = "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("zonepay.zone.shard-group")
@EnableScheduling
@Import({ ShardGroupConfiguration.class, ZoneGuardConfiguration.class, IdempotencyConfiguration.class,
		ModuleSchemas.class })
public class ServiceDataAutoConfiguration {

}
