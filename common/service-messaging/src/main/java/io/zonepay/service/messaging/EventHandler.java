package io.zonepay.service.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Processes one event; must be idempotent (the inbox makes it so) because delivery is at
 * least once.
 */
@FunctionalInterface
public interface EventHandler {

	void handle(ConsumerRecord<String, String> record) throws Exception;

}
