package io.zonepay.e2e;

import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The suite's trace backend: every span the topology's processes record, as an exporter
 * would get it, kept in memory. Each service's context has it as one more span processor.
 * Services record only sampled spans and sample only what a test asks for (a sampled
 * {@code traceparent}), so this holds the tests' traces and little else; a bound keeps
 * the newest spans all the same.
 */
final class FinishedSpans implements SpanProcessor {

	static final FinishedSpans PROCESSOR = new FinishedSpans();

	static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

	private static final int BOUND = 20_000;

	private final BlockingDeque<SpanData> spans = new LinkedBlockingDeque<>();

	private FinishedSpans() {
	}

	/** The spans of a trace recorded so far, in the order they finished. */
	static List<SpanData> ofTrace(String traceId) {
		return PROCESSOR.spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
	}

	static String service(SpanData span) {
		return String.valueOf(span.getResource().getAttribute(SERVICE));
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		while (spans.size() >= BOUND) {
			spans.pollFirst();
		}
		spans.addLast(span.toSpanData());
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

}
