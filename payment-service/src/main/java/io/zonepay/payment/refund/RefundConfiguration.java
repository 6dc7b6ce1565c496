package io.zonepay.payment.refund;

import java.time.Clock;

import io.zonepay.payment.payment.PaymentProperties;
import io.zonepay.service.shardgroup.ShardScopes;
import io.zonepay.service.zone.ZoneMdc;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/**
 * Settles refunds a crash or an outage left PENDING, like the payment reconciler does for
 * payments.
 */
@Configuration(proxyBeanMethods = false)
class RefundConfiguration {

	@Bean
	SchedulingConfigurer refundReconciler(Refunds refunds, RefundFlow flow, PaymentProperties properties, Clock clock,
			ObjectProvider<ShardScopes> shardScopes) {
		ShardScopes scopes = shardScopes.getIfAvailable();
		Runnable reconcile = ZoneMdc.carried(ShardScopes.inEachServedGroup(scopes,
				() -> refunds
					.findPendingBefore(clock.instant().minus(properties.reconcileAfter()),
							Limit.of(properties.reconcileBatch()))
					.forEach(refund -> ShardScopes.runIfHeld(scopes, refund.shard(), () -> flow.reconcile(refund)))));
		return jobs -> jobs.addFixedDelayTask(
				new FixedDelayTask(reconcile, properties.reconcileInterval(), properties.reconcileInterval()));
	}

}
