package io.zonepay.service.messaging;

import java.time.Duration;

/**
 * How a sharded consumer reads one topic.
 *
 * @param group the consumer group its offsets are committed under: one per consumer role,
 * so a zone that adopts another's shards continues where that zone stopped
 * @param maxAttempts how often an event is tried before it goes to the dead-letter topic
 * @param backoff pause between two attempts, doubled each time
 * @param pollTimeout how long an idle consumer's poll waits: a new routing table or a
 * change of the leases ends it at once, and offsets to commit shorten it to a second
 * @param maxPollRecords bound on one batch
 */
public record ConsumerSettings(String topic, String group, String deadLetterTopic, int maxAttempts, Duration backoff,
		Duration pollTimeout, int maxPollRecords) {

	public static ConsumerSettings of(String topic, String group) {
		return new ConsumerSettings(topic, group, topic + ".dlt", 3, Duration.ofMillis(100), Duration.ofSeconds(5),
				100);
	}
}
