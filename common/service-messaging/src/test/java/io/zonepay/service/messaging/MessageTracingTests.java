package io.zonepay.service.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.zonepay.kernel.zone.ZoneId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MessageTracingTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String PARENT = "00f067aa0ba902b7";

	private final List<SpanData> finished = new CopyOnWriteArrayList<>();

	private final SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new Collecting()).build();

	private final io.opentelemetry.api.trace.Tracer otel = provider.get("test");

	private final OtelTracer tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> {
	});

	private final MessageTracing tracing = new MessageTracing(tracer,
			new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));

	@AfterEach
	void close() {
		provider.close();
	}

	@Test
	void aPublishedEventCarriesAChildOfTheTraceItsOutboxRowNamed() {
		ProducerRecord<String, String> record = new ProducerRecord<>("zonepay.payments.events", 12, "key", "{}");
		record.headers().add("traceparent", ("00-" + TRACE + "-" + PARENT + "-01").getBytes(StandardCharsets.UTF_8));

		Span span = tracing.producing(record);
		span.end();

		assertThat(traceparents(record.headers())).as("one traceparent, the producer span's")
			.containsExactly("00-" + TRACE + "-" + span.context().spanId() + "-01");
		assertThat(finished).singleElement().satisfies(published -> {
			assertThat(published.getTraceId()).isEqualTo(TRACE);
			assertThat(published.getParentSpanId()).isEqualTo(PARENT);
			assertThat(published.getKind()).isEqualTo(SpanKind.PRODUCER);
			assertThat(published.getName()).isEqualTo("publish zonepay.payments.events");
			assertThat(published.getAttributes().get(AttributeKey.stringKey("messaging.destination.partition.id")))
				.isEqualTo("12");
		});
	}

	@Test
	void anEventIsHandledInASpanThatContinuesItsTrace() throws Exception {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("zonepay.transfers.requests", 91, 7, "key", "{}");
		record.headers().add("traceparent", ("00-" + TRACE + "-" + PARENT + "-01").getBytes(StandardCharsets.UTF_8));
		AtomicReference<TraceContext> current = new AtomicReference<>();

		tracing.consuming(record, ZoneId.of("rz3"), handled -> current.set(tracer.currentTraceContext().context()));

		assertThat(current.get().traceId()).isEqualTo(TRACE);
		assertThat(finished).singleElement().satisfies(processed -> {
			assertThat(processed.getSpanId()).isEqualTo(current.get().spanId());
			assertThat(processed.getParentSpanId()).isEqualTo(PARENT);
			assertThat(processed.getKind()).isEqualTo(SpanKind.CONSUMER);
			assertThat(processed.getName()).isEqualTo("process zonepay.transfers.requests");
			assertThat(processed.getAttributes().get(AttributeKey.stringKey("zonepay.zone"))).isEqualTo("rz3");
		});
		assertThat(tracer.currentSpan()).as("nothing left current after the handler").isNull();
	}

	@Test
	void aFailedAttemptEndsItsSpanAsAnError() {
		ConsumerRecord<String, String> record = new ConsumerRecord<>("zonepay.payments.events", 3, 1, "key", "{}");

		assertThatIllegalStateException().isThrownBy(() -> tracing.consuming(record, ZoneId.of("rz1"), handled -> {
			throw new IllegalStateException("poison");
		}));

		assertThat(finished).singleElement()
			.satisfies(failed -> assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
	}

	private static List<String> traceparents(Headers headers) {
		List<String> values = new ArrayList<>();
		headers.headers("traceparent")
			.forEach(header -> values.add(new String(header.value(), StandardCharsets.UTF_8)));
		return values;
	}

	/** Keeps every finished span, as an exporter would get it. */
	private final class Collecting implements SpanProcessor {

		@Override
		public void onStart(Context parentContext, ReadWriteSpan span) {
		}

		@Override
		public boolean isStartRequired() {
			return false;
		}

		@Override
		public void onEnd(ReadableSpan span) {
			finished.add(span.toSpanData());
		}

		@Override
		public boolean isEndRequired() {
			return true;
		}

	}

}
