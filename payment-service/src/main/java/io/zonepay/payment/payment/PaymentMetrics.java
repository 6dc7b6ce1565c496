package io.zonepay.payment.payment;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Payments by outcome and zone, and how long deciding one takes. */
final class PaymentMetrics {

	private final MeterRegistry registry;

	private final String zone;

	private final Timer latency;

	PaymentMetrics(MeterRegistry registry, String zone) {
		this.registry = registry;
		this.zone = zone;
		this.latency = Timer.builder("zonepay.payment.latency")
			.description("From a payment request to its decision")
			.tag("zone", zone)
			.publishPercentileHistogram()
			.register(registry);
	}

	void decided(Payment payment, long nanos) {
		latency.record(nanos, TimeUnit.NANOSECONDS);
		String code = payment.failureCode() == null ? "none" : payment.failureCode();
		Counter.builder("zonepay.payments")
			.description("Payments decided, by outcome")
			.tag("zone", zone)
			.tag("outcome", payment.status().name())
			.tag("code", code)
			.register(registry)
			.increment();
	}

}
