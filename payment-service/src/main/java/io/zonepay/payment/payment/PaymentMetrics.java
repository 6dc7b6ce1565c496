package io.zonepay.payment.payment;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zonepay.kernel.traffic.TrafficScope;

/**
 * Payments by outcome, zone and traffic (real or shadow), and how long deciding one
 * takes.
 */
final class PaymentMetrics {

	private final MeterRegistry registry;

	private final String zone;

	PaymentMetrics(MeterRegistry registry, String zone) {
		this.registry = registry;
		this.zone = zone;
	}

	void decided(Payment payment, long nanos) {
		Timer.builder("zonepay.payment.latency")
			.description("From a payment request to its decision")
			.tag("zone", zone)
			.tag("traffic", TrafficScope.current().tag())
			.publishPercentileHistogram()
			.register(registry)
			.record(nanos, TimeUnit.NANOSECONDS);
		String code = payment.failureCode() == null ? "none" : payment.failureCode();
		Counter.builder("zonepay.payments")
			.description("Payments decided, by outcome")
			.tag("zone", zone)
			.tag("outcome", payment.status().name())
			.tag("code", code)
			.tag("traffic", TrafficScope.current().tag())
			.register(registry)
			.increment();
	}

}
