package io.zonepay.payment.transfer;

import java.time.Clock;

import io.zonepay.payment.payment.PaymentProperties;
import io.zonepay.service.messaging.ConsumerSettings;
import io.zonepay.service.messaging.ShardedConsumer;
import io.zonepay.service.messaging.ShardedConsumers;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.service.zone.ZoneMdc;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Limit;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * The saga's topics (a partition per shard, and their dead letters), its two consumers,
 * and the reconciler that settles transfers a crash left PENDING and sends again the
 * requests of transfers long in transit, at the payment reconciler's pace.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TransferProperties.class)
class TransferConfiguration {

	@Bean
	ShardedConsumer transferRequestsConsumer(ShardedConsumers consumers, IncomingTransfers incoming,
			TransferProperties properties) {
		return consumers.consumer(settings(TransferEvents.REQUESTS, IncomingTransfers.CONSUMER, properties),
				incoming::handle);
	}

	@Bean
	ShardedConsumer transferResultsConsumer(ShardedConsumers consumers, TransferOutcomes outcomes,
			TransferProperties properties) {
		return consumers.consumer(settings(TransferEvents.RESULTS, TransferOutcomes.CONSUMER, properties),
				outcomes::handle);
	}

	/**
	 * Once per shard group the zone serves (each group's database holds its own payers'
	 * transfers), and only for the shards whose lease it holds: another zone's shards in
	 * a shared group are that zone's to settle.
	 */
	@Bean
	SchedulingConfigurer transferReconciler(Transfers transfers, TransferFlow flow, PaymentProperties properties,
			TransferProperties transfer, Clock clock, ObjectProvider<ShardScopes> shardScopes) {
		ShardScopes scopes = shardScopes.getIfAvailable();
		Runnable reconcile = () -> {
			Limit batch = Limit.of(properties.reconcileBatch());
			transfers.findPendingBefore(clock.instant().minus(properties.reconcileAfter()), batch)
				.forEach(pending -> ShardScopes.runIfHeld(scopes, pending.shard(), () -> flow.reconcile(pending)));
			transfers.findInTransitBefore(clock.instant().minus(transfer.resendAfter()), batch)
				.forEach(inTransit -> ShardScopes.runIfHeld(scopes, inTransit.shard(), () -> flow.resend(inTransit)));
		};
		Runnable job = ZoneMdc.carried(ShardScopes.inEachServedGroup(scopes, reconcile));
		return jobs -> jobs
			.addFixedDelayTask(new FixedDelayTask(job, properties.reconcileInterval(), properties.reconcileInterval()));
	}

	@Bean
	NewTopic transferRequestsTopic(@Value("${zonepay.events.replication-factor:1}") short replicationFactor) {
		return shardedTopic(TransferEvents.REQUESTS, replicationFactor);
	}

	@Bean
	NewTopic transferRequestsDeadLetters(@Value("${zonepay.events.replication-factor:1}") short replicationFactor) {
		return shardedTopic(TransferEvents.REQUESTS + ".dlt", replicationFactor);
	}

	@Bean
	NewTopic transferResultsTopic(@Value("${zonepay.events.replication-factor:1}") short replicationFactor) {
		return shardedTopic(TransferEvents.RESULTS, replicationFactor);
	}

	@Bean
	NewTopic transferResultsDeadLetters(@Value("${zonepay.events.replication-factor:1}") short replicationFactor) {
		return shardedTopic(TransferEvents.RESULTS + ".dlt", replicationFactor);
	}

	private static NewTopic shardedTopic(String name, short replicationFactor) {
		return TopicBuilder.name(name).partitions(100).replicas(replicationFactor).build();
	}

	private static ConsumerSettings settings(String topic, String group, TransferProperties properties) {
		return new ConsumerSettings(topic, group, topic + ".dlt", properties.eventAttempts(), properties.eventBackoff(),
				properties.pollTimeout(), properties.maxPollRecords());
	}

}
