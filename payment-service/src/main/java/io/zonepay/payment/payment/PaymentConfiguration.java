package io.zonepay.payment.payment;

import java.time.Clock;

import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.service.idempotency.IdempotencyProperties;
import io.zonepay.service.zone.ZoneMdc;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** The reconciler, and the events topic: a partition per shard. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PaymentProperties.class)
class PaymentConfiguration {

	@Bean
	SchedulingConfigurer paymentReconciler(Payments payments, PaymentFlow flow, PaymentProperties properties,
			IdempotencyProperties idempotency, Clock clock, ObjectProvider<ShardScopes> scopes) {
		// A request lives at most its transaction timeout; a payment younger than that
		// may still be in the making, and
		// settling it would fail a payment its client is about to see succeed.
		if (properties.reconcileAfter().compareTo(idempotency.transactionTimeout()) <= 0) {
			throw new IllegalStateException("zonepay.payment.reconcile-after (" + properties.reconcileAfter()
					+ ") must be longer than zonepay.idempotency.transaction-timeout ("
					+ idempotency.transactionTimeout() + ")");
		}
		Reconciler reconciler = new Reconciler(payments, flow, properties, clock, scopes.getIfAvailable());
		Runnable reconcile = ZoneMdc.carried(reconciler::reconcile);
		return jobs -> jobs.addFixedDelayTask(
				new FixedDelayTask(reconcile, properties.reconcileInterval(), properties.reconcileInterval()));
	}

	@Bean
	NewTopic paymentEventsTopic(@Value("${zonepay.events.replication-factor:1}") short replicationFactor) {
		return TopicBuilder.name(PaymentEvents.TOPIC).partitions(100).replicas(replicationFactor).build();
	}

}
