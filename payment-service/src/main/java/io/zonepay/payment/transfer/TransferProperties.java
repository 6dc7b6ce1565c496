package io.zonepay.payment.transfer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the saga's consumers treat an event that fails (a ledger that does not answer,
 * global data not loaded yet). Generous, because a dead-lettered transfer event leaves
 * its money in transit until the reconciler sends the request again ({@code resendAfter})
 * or an operator replays it.
 *
 * @param eventAttempts tries of one event before it goes to the dead-letter topic
 * @param eventBackoff pause before the second try; doubled for each further one
 * @param pollTimeout how long an idle consumer's poll waits (a new routing table or lease
 * ends it at once)
 * @param maxPollRecords bound on one batch
 * @param resendAfter how long a transfer may stay DEBITED (in transit, unanswered) before
 * the reconciler sends its request to the payee's zone again: a dead-lettered request, or
 * an answer lost with it, would otherwise leave the money in transit for good. The
 * payee's zone answers a repeated request as it did the first (the ledger decided it for
 * good).
 */
@ConfigurationProperties("zonepay.transfer")
record TransferProperties(@DefaultValue("8") int eventAttempts, @DefaultValue("200ms") Duration eventBackoff,
		@DefaultValue("5s") Duration pollTimeout, @DefaultValue("100") int maxPollRecords,
		@DefaultValue("5m") Duration resendAfter) {
}
