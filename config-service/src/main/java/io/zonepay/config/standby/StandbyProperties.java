package io.zonepay.config.standby;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When a standby GZone takes over.
 *
 * @param automaticPromotion whether it promotes itself when the writer is gone (else only
 * {@code POST /admin/gzone/promote})
 * @param promoteAfter how long the writer must be silent on the log and unreachable over
 * HTTP, both, before it does: long enough that a Kafka stall or a slow check does not
 * promote a standby beside a living writer
 * @param catchUpWithin bound on reading the log to its end once the old writer is fenced;
 * a promotion that cannot is called off and the standby stays one
 */
@ConfigurationProperties("zonepay.gzone.standby")
record StandbyProperties(@DefaultValue("true") boolean automaticPromotion, @DefaultValue("10s") Duration promoteAfter,
		@DefaultValue("10s") Duration catchUpWithin) {
}
