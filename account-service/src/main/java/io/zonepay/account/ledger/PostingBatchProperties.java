package io.zonepay.account.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How other services' postings are batched, per shard group (see {@link PostingWriters}).
 *
 * @param maxPostings the most postings one transaction takes; 1 posts each alone
 * @param queueCapacity the most postings waiting for their shard group's writer; more are
 * refused at once ({@code 503 SERVICE_BUSY})
 * @param maxWait the longest a caller waits for its posting, when its deadline is later
 * or it has none: within what the zone's callers wait for the ledger (2 s)
 */
@ConfigurationProperties("zonepay.account.posting-batches")
record PostingBatchProperties(@DefaultValue("64") int maxPostings, @DefaultValue("1024") int queueCapacity,
		@DefaultValue("1900ms") Duration maxWait) {

	PostingBatchProperties {
		if (maxPostings < 1 || queueCapacity < 1 || !maxWait.isPositive()) {
			throw new IllegalArgumentException("posting batches need at least one posting, room in the queue"
					+ " and a positive wait, not " + maxPostings + ", " + queueCapacity + ", " + maxWait);
		}
	}
}
