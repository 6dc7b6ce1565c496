package io.zonepay.payment.refund;

import java.time.Clock;

import io.zonepay.payment.payment.PaymentProperties;
import io.zonepay.runtime.PeriodicTask;
import io.zonepay.service.shardgroup.ShardScopes;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Limit;

/** Settles refunds a crash or an outage left PENDING, like the payment reconciler does for payments. */
@Configuration(proxyBeanMethods = false)
class RefundConfiguration {

	@Bean
	PeriodicTask refundReconciler(Refunds refunds, RefundFlow flow, PaymentProperties properties, Clock clock, ObjectProvider<ShardScopes> shardScopes) {
		ShardScopes scopes = shardScopes.getIfAvailable();
		return new PeriodicTask("refund-reconciler", properties.reconcileInterval(), properties.reconcileInterval(),
				ShardScopes.inEachServedGroup(scopes, () -> refunds.findPendingBefore(clock.instant().minus(properties.reconcileAfter()), Limit.of(properties.reconcileBatch()))
					.forEach(refund -> ShardScopes.runIfHeld(scopes, refund.shard(), () -> flow.reconcile(refund)))));
	}
}
