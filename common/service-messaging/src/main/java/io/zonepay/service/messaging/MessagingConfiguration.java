package io.zonepay.service.messaging;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.zone.ZoneProperties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Builds sharded consumers for the topics a service reads. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

	/** Traces over Kafka, where the service traces at all. */
	@Bean
	MessageTracing messageTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		Tracer available = tracer.getIfAvailable();
		return available == null ? MessageTracing.NONE
				: new MessageTracing(available, propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	ShardedConsumers shardedConsumers(KafkaProperties kafka, RoutingTables tables, ZoneProperties zone,
			MeterRegistry registry, ObjectProvider<ShardScopes> scopes, MessageTracing tracing) {
		Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
		producer.put(ProducerConfig.ACKS_CONFIG, "all");
		producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return new ShardedConsumers(kafka.buildConsumerProperties(), producer, tables, zone, registry,
				scopes.getIfAvailable(), tracing);
	}

}
