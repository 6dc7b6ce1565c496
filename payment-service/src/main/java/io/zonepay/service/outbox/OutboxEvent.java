package io.zonepay.service.outbox;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import io.zonepay.kernel.zone.Shard;

/**
 * An event to publish once the transaction that wrote it commits.
 *
 * @param shard the shard the event belongs to: the partition of topics keyed by shard
 * @param type the event's type, past tense: {@code PaymentSucceeded}
 * @param payload the event, serialized as JSON
 * @param headers extra Kafka headers, such as the traffic tag
 */
public record OutboxEvent(UUID eventId, String topic, Shard shard, String key, String type, Object payload,
		Map<String, String> headers) {

	public OutboxEvent {
		Objects.requireNonNull(eventId, "eventId");
		headers = Map.copyOf(headers);
	}

	public static OutboxEvent of(String topic, Shard shard, String key, String type, Object payload) {
		return new OutboxEvent(UUID.randomUUID(), topic, shard, key, type, payload, Map.of());
	}
}
