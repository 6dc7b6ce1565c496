package io.zonepay.service.outbox;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.service.leadership.DatabaseLeadership;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of a service that publishes events ({@code zonepay.outbox.enabled=true}): the {@link Outbox} its
 * transactions append to, and the relay that publishes it, woken by every commit that appended.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("zonepay.outbox.enabled")
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

	@Bean
	Outbox outbox(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, ObjectProvider<Tracer> tracer) {
		return new Outbox(jdbc, json, events, tracer.getIfAvailable());
	}

	@Bean
	OutboxRelay outboxRelay(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json, KafkaProperties kafka, DataSource dataSource,
			OutboxProperties properties, MeterRegistry registry) {
		OutboxRelay relay = new OutboxRelay(jdbc, transactions, json, new OutboxRelay.OutboxProducers(() -> producer(kafka)),
				new DatabaseLeadership(dataSource, "outbox relay"), properties.batch());
		Gauge.builder("zonepay.outbox.backlog", relay, OutboxRelay::backlog).description("Events waiting in the outbox").register(registry);
		return relay;
	}

	@Bean
	PeriodicTask outboxRelayTask(OutboxRelay relay, OutboxProperties properties) {
		return new PeriodicTask("outbox-relay", properties.interval(), properties.interval(), relay::publish);
	}

	@Bean
	OutboxWakeUp outboxWakeUp(PeriodicTask outboxRelayTask) {
		return new OutboxWakeUp(outboxRelayTask);
	}

	/** Ordered and without duplicates within a session; at least once across crashes, which consumers absorb. */
	private static KafkaProducer<String, String> producer(KafkaProperties kafka) {
		Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
		config.put(ProducerConfig.ACKS_CONFIG, "all");
		config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
		config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
		config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
		config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
		config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
		return new KafkaProducer<>(config);
	}

	/** Publishes as soon as an appending transaction commits. */
	static final class OutboxWakeUp {

		private final PeriodicTask relay;

		OutboxWakeUp(PeriodicTask relay) {
			this.relay = relay;
		}

		@TransactionalEventListener
		void committed(Outbox.OutboxAppended appended) {
			relay.trigger();
		}
	}
}
