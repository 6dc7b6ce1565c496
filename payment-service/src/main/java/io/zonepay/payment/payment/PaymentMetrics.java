package io.zonepay.payment.payment;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;

/**
 * Payments by outcome, zone and traffic (real or shadow), and how long deciding one
 * takes.
 */
final class PaymentMetrics {

	private final MeterRegistry registry;

	private final String zone;

	/** One timer per traffic, made once: every payment records into one. */
	private final Map<Traffic, Timer> latency = new EnumMap<>(Traffic.class);

	PaymentMetrics(MeterRegistry registry, String zone) {
		this.registry = registry;
		this.zone = zone;
		for (Traffic traffic : Traffic.values()) {
			latency.put(traffic,
					Timer.builder("zonepay.payment.latency")
						.description("From a payment request to its decision")
						.tag("zone", zone)
						.tag("traffic", traffic.tag())
						.publishPercentileHistogram()
						.register(registry));
		}
	}

	void decided(Payment payment, long nanos) {
		latency.get(TrafficScope.current()).record(nanos, TimeUnit.NANOSECONDS);
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
