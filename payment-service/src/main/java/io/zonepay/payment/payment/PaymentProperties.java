package io.zonepay.payment.payment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Payment rules and the reconciler's pace.
 *
 * @param reviewAmount the static risk rule: a single payment above this many minor units
 * is refused as too risky
 * @param velocityWindow the velocity rule's window
 * @param velocityMax the most payments one user makes in the window before further ones
 * are refused
 * @param reconcileAfter how old a PENDING payment must be before the reconciler settles
 * it; well beyond a request's own retries, so it never races a live request
 * @param reconcileInterval pause between two reconciler runs
 * @param reconcileBatch the most payments settled in one run
 */
@ConfigurationProperties("zonepay.payment")
public record PaymentProperties(@DefaultValue("1000000") long reviewAmount, @DefaultValue("1m") Duration velocityWindow,
		@DefaultValue("60") int velocityMax, @DefaultValue("30s") Duration reconcileAfter,
		@DefaultValue("5s") Duration reconcileInterval, @DefaultValue("100") int reconcileBatch) {
}
