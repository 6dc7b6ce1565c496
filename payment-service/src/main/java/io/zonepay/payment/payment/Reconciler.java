package io.zonepay.payment.payment;

import java.time.Clock;

import io.zonepay.service.shardgroup.ShardScopes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;

/**
 * Settles payments a crash or an outage left PENDING, a bounded batch at a time, from
 * what the ledger says of their references: posted means SUCCEEDED (with the event the
 * crash swallowed), never posted means voided and FAILED.
 */
class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private final Payments payments;

	private final PaymentFlow flow;

	private final PaymentProperties properties;

	private final Clock clock;

	private final @Nullable ShardScopes scopes;

	Reconciler(Payments payments, PaymentFlow flow, PaymentProperties properties, Clock clock,
			@Nullable ShardScopes scopes) {
		this.scopes = scopes;
		this.payments = payments;
		this.flow = flow;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Settles the stale pending payments of each shard group this zone serves, of the
	 * shards it holds.
	 */
	void reconcile() {
		ShardScopes.inEachServedGroup(scopes, this::reconcileGroup).run();
	}

	private void reconcileGroup() {
		for (Payment pending : payments.findPendingBefore(clock.instant().minus(properties.reconcileAfter()),
				Limit.of(properties.reconcileBatch()))) {
			ShardScopes.runIfHeld(scopes, pending.shard(), () -> {
				Payment settled = flow.reconcile(pending);
				log.info("Reconciled payment {} of order {}: {}", settled.id(), settled.orderId(), settled.status());
			});
		}
	}

}
