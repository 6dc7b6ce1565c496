package io.zonepay.service.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How idempotency keys are kept.
 *
 * @param retention how long a completed key answers replays; the API promises at least 24
 * hours
 * @param lease how long a request holds its key before a retry may take it over after a
 * crash; longer than {@code transactionTimeout}, so a live request is never overtaken
 * @param transactionTimeout bound on the transaction that does the work and completes the
 * key
 * @param purgeInterval pause between two purges of expired keys
 * @param purgeBatch keys deleted per statement, so a purge never holds long locks
 */
@ConfigurationProperties("zonepay.idempotency")
public record IdempotencyProperties(@DefaultValue("48h") Duration retention, @DefaultValue("30s") Duration lease,
		@DefaultValue("10s") Duration transactionTimeout, @DefaultValue("5m") Duration purgeInterval,
		@DefaultValue("1000") int purgeBatch) {

	public IdempotencyProperties {
		if (retention.compareTo(Duration.ofHours(24)) < 0) {
			throw new IllegalArgumentException(
					"zonepay.idempotency.retention must be at least 24h: the API promises it");
		}
		if (lease.compareTo(transactionTimeout) <= 0) {
			throw new IllegalArgumentException("zonepay.idempotency.lease must be longer than the transaction timeout");
		}
	}
}
