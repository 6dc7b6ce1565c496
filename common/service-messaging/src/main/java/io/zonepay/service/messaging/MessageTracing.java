package io.zonepay.service.messaging;

import java.nio.charset.StandardCharsets;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.zonepay.kernel.zone.ZoneId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace across Kafka in the records' W3C {@code traceparent} header, since the
 * hand-built producers and consumers here are not observed by Spring Kafka: a producer
 * span continues the trace a record's headers name (the outbox stores the trace of the
 * transaction that wrote the event) and hands its own context on, and a consumer span
 * continues that. A transfer's saga across zones is so one trace, and so is a payment and
 * the order it pays.
 */
public final class MessageTracing {

	/** Traces nothing: for services and tests without a tracer. */
	public static final MessageTracing NONE = new MessageTracing(Tracer.NOOP, Propagator.NOOP);

	private static final Propagator.Getter<Headers> READ = (headers, name) -> {
		Header header = headers.lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	};

	private static final Propagator.Setter<Headers> WRITE = (headers, name, value) -> {
		if (headers != null) {
			headers.remove(name);
			headers.add(name, value.getBytes(StandardCharsets.UTF_8));
		}
	};

	private final Tracer tracer;

	private final Propagator propagator;

	public MessageTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * Starts the span of sending a record, a child of the trace its headers name (a new
	 * trace if they name none), and puts its context in the headers in their place. The
	 * caller ends it once the broker has the record.
	 */
	public Span producing(ProducerRecord<String, String> record) {
		Span span = kafka(propagator.extract(record.headers(), READ), "publish", record.topic(), record.partition())
			.kind(Span.Kind.PRODUCER)
			.start();
		propagator.inject(span.context(), record.headers(), WRITE);
		return span;
	}

	/**
	 * Handles a record inside a span that continues the trace its headers name, current
	 * while the handler runs.
	 */
	void consuming(ConsumerRecord<String, String> record, ZoneId zone, EventHandler handler) throws Exception {
		Span span = kafka(propagator.extract(record.headers(), READ), "process", record.topic(), record.partition())
			.kind(Span.Kind.CONSUMER)
			.tag("zonepay.zone", zone.value())
			.start();
		try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
			handler.handle(record);
		}
		catch (Exception ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			span.end();
		}
	}

	/**
	 * Named and tagged as OpenTelemetry's messaging conventions say:
	 * {@code publish zonepay.payments}.
	 */
	private static Span.Builder kafka(Span.Builder span, String operation, String topic, Integer partition) {
		return span.name(operation + " " + topic)
			.remoteServiceName("kafka")
			.tag("messaging.system", "kafka")
			.tag("messaging.operation.type", operation)
			.tag("messaging.destination.name", topic)
			.tag("messaging.destination.partition.id", String.valueOf(partition));
	}

}
