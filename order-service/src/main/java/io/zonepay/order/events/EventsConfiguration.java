package io.zonepay.order.events;

import io.zonepay.service.messaging.ConsumerSettings;
import io.zonepay.service.messaging.ShardedConsumer;
import io.zonepay.service.messaging.ShardedConsumers;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Reads payment events for the shards this zone serves; poison events go to the
 * dead-letter topic after three tries.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	ShardedConsumer paymentEventsConsumer(ShardedConsumers consumers, PaymentEvents events) {
		return consumers.consumer(ConsumerSettings.of(PaymentEvents.TOPIC, PaymentEvents.CONSUMER), events::handle);
	}

	/**
	 * Partition = shard; whichever service starts first creates the topic, the other
	 * finds it there.
	 */
	@Bean
	NewTopic paymentEventsTopic(@Value("${zonepay.events.replication-factor:1}") short replicationFactor) {
		return TopicBuilder.name(PaymentEvents.TOPIC).partitions(100).replicas(replicationFactor).build();
	}

	@Bean
	NewTopic paymentEventsDeadLetters(@Value("${zonepay.events.replication-factor:1}") short replicationFactor) {
		return TopicBuilder.name(PaymentEvents.TOPIC + ".dlt").partitions(100).replicas(replicationFactor).build();
	}

}
