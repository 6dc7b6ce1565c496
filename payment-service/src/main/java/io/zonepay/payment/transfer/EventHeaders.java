package io.zonepay.payment.transfer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.zonepay.service.outbox.Outbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * What the outbox put in an event's Kafka headers: its id, its type and the trace it
 * belongs to.
 */
final class EventHeaders {

	private EventHeaders() {
	}

	static UUID eventId(ConsumerRecord<String, String> record) {
		return UUID.fromString(required(record, Outbox.EVENT_ID));
	}

	static String type(ConsumerRecord<String, String> record) {
		return required(record, Outbox.EVENT_TYPE);
	}

	/**
	 * The trace context to hand on to the events this one causes, so the saga is one
	 * trace across zones.
	 */
	static Map<String, String> trace(ConsumerRecord<String, String> record) {
		Header header = record.headers().lastHeader(Outbox.TRACEPARENT);
		return header == null ? Map.of()
				: Map.of(Outbox.TRACEPARENT, new String(header.value(), StandardCharsets.UTF_8));
	}

	private static String required(ConsumerRecord<String, String> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null) {
			throw new IllegalArgumentException("event at " + record.topic() + "-" + record.partition() + "@"
					+ record.offset() + " has no " + name + " header");
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
