package io.zonepay.service.outbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.micrometer.tracing.Tracer;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.service.shardgroup.ShardContext;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the outbox, always inside the transaction that changes the state they
 * announce: both commit, or neither does. The relay publishes them afterwards; consumers
 * must therefore be idempotent (see the inbox). Shadow work appends to the shadow
 * schema's outbox, and its events carry the {@value Traffic#KAFKA_HEADER} header.
 */
public class Outbox {

	/** Kafka header names every event carries. */
	public static final String EVENT_ID = "zonepay-event-id";

	public static final String EVENT_TYPE = "zonepay-event-type";

	public static final String TRACEPARENT = "traceparent";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final @Nullable Tracer tracer;

	Outbox(JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, @Nullable Tracer tracer) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.tracer = tracer;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(OutboxEvent event) {
		Map<String, String> headers = new HashMap<>(event.headers());
		headers.put(EVENT_ID, event.eventId().toString());
		headers.put(EVENT_TYPE, event.type());
		headers.remove(Traffic.KAFKA_HEADER);
		if (TrafficScope.isShadow()) {
			headers.put(Traffic.KAFKA_HEADER, Traffic.SHADOW.tag());
		}
		traceparent().ifPresent(traceparent -> headers.put(TRACEPARENT, traceparent));
		jdbc.sql("""
				insert into outbox (event_id, topic, kafka_partition, message_key, event_type, payload, headers)
				values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))
				""")
			.params(event.eventId(), event.topic(), event.shard().value(), event.key(), event.type(),
					json.writeValueAsString(event.payload()), json.writeValueAsString(headers))
			.update();
		events.publishEvent(new OutboxAppended(ShardContext.group(), TrafficScope.current()));
	}

	/**
	 * The W3C trace context of the current span, so that consumers continue the trace.
	 */
	private Optional<String> traceparent() {
		if (tracer == null || tracer.currentSpan() == null) {
			return Optional.empty();
		}
		var context = tracer.currentSpan().context();
		return Optional.of("00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00"));
	}

	/**
	 * Published inside the appending transaction; the relay of that shard group's (null:
	 * the home group's) outbox of that traffic wakes when it commits.
	 */
	record OutboxAppended(@Nullable ShardGroupId group, Traffic traffic) {
	}

}
