package io.zonepay.service.outbox;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.service.leadership.DatabaseLeadership;
import io.zonepay.service.messaging.OrderedProducer;
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
		OutboxRelay relay = new OutboxRelay(jdbc, transactions, json, new OutboxRelay.OutboxProducers(() -> OrderedProducer.create(kafka)),
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
