package io.zonepay.service.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is published.
 *
 * @param interval pause between two looks at the outbox while it has events or Kafka
 * refuses them
 * @param rest pause between two looks at an empty outbox: a commit that appends events,
 * and a routing table that gives the zone a shard group, wake the relay at once anyway,
 * so this only finds what another instance or a crash left, and an idle zone pays for
 * each look
 * @param batch the most events sent and deleted in one transaction
 * @param linger how long a commit's wake-up waits for more commits before the relay
 * looks: every commit's events within it go in one round (a lock check, a transaction and
 * a Kafka produce), instead of a round each
 */
@ConfigurationProperties("zonepay.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration interval, @DefaultValue("10s") Duration rest,
		@DefaultValue("200") int batch, @DefaultValue("20ms") Duration linger) {
}
