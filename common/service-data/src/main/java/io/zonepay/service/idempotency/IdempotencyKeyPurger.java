package io.zonepay.service.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes keys past their retention, a bounded batch at a time, so the table does not
 * grow without end.
 */
final class IdempotencyKeyPurger {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurger.class);

	/**
	 * Bounds one purge run: a backlog is worked off over several runs rather than in one
	 * long one.
	 */
	private static final int MAX_BATCHES_PER_RUN = 100;

	private final IdempotencyKeys keys;

	private final IdempotencyProperties properties;

	IdempotencyKeyPurger(IdempotencyKeys keys, IdempotencyProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	void purge() {
		int total = 0;
		for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
			int deleted = keys.purgeCompletedBefore(properties.retention(), properties.purgeBatch());
			total += deleted;
			if (deleted < properties.purgeBatch()) {
				break;
			}
		}
		if (total > 0) {
			log.info("Purged {} idempotency keys older than {}", total, properties.retention());
		}
	}

}
