package io.zonepay.payment.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciler's pace (risk control has its own: {@code zonepay.risk}).
 *
 * @param reconcileAfter how old a PENDING payment must be before the reconciler settles
 * it; well beyond a request's own retries, so it never races a live request
 * @param reconcileInterval pause between two runs of each reconciler (payments, refunds,
 * transfers): a third of {@code reconcileAfter}, so a payment a crash left PENDING
 * settles within 40 s; a run is a query per shard group served, real and shadow, which an
 * idle zone pays for too
 * @param reconcileBatch the most payments settled in one run
 */
@ConfigurationProperties("zonepay.payment")
public record PaymentProperties(@DefaultValue("30s") Duration reconcileAfter,
		@DefaultValue("10s") Duration reconcileInterval, @DefaultValue("100") int reconcileBatch) {
}
