package io.zonepay.service.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is published.
 *
 * @param interval pause between two looks at the outbox; a commit that appends events
 * wakes the relay at once anyway, so this only finds what another instance or a crash
 * left, and an idle zone pays for each look
 * @param batch the most events sent and deleted in one transaction
 */
@ConfigurationProperties("zonepay.outbox")
public record OutboxProperties(@DefaultValue("1s") Duration interval, @DefaultValue("200") int batch) {
}
