package io.zonepay.payment.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reconciler's pace (risk control has its own: {@code zonepay.risk}).
 *
 * @param reconcileAfter how old a PENDING payment must be before the reconciler settles
 * it; well beyond a request's own retries, so it never races a live request
 * @param reconcileInterval pause between two reconciler runs
 * @param reconcileBatch the most payments settled in one run
 */
@ConfigurationProperties("zonepay.payment")
public record PaymentProperties(@DefaultValue("30s") Duration reconcileAfter,
		@DefaultValue("5s") Duration reconcileInterval, @DefaultValue("100") int reconcileBatch) {
}
