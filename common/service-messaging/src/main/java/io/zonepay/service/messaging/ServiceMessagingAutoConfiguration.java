package io.zonepay.service.messaging;

import io.zonepay.service.data.ServiceDataAutoConfiguration;
import io.zonepay.service.inbox.InboxConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What an RZone service that reads events gets by depending on this module: sharded
 * consumers for the topics it reads and, once it declares one, the inbox (and its table)
 * that makes redelivery harmless. Switched on by the zone's shard group, and ordered
 * before Boot's scheduler for the inbox's purge, like service-data.
 */
@AutoConfiguration(after = ServiceDataAutoConfiguration.class,
		afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
				"org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration" },
		beforeName = "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty("zonepay.zone.shard-group")
@EnableScheduling
@Import(MessagingConfiguration.class)
public class ServiceMessagingAutoConfiguration {

	/**
	 * Only a service that consumes events keeps an inbox: the services that share its
	 * classpath in one process (an RZone of the local platform) get no inbox table.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ShardedConsumer.class)
	@Import(InboxConfiguration.class)
	static class InboxOfConsumers {

	}

}
