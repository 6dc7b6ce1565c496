package io.zonepay.payment.transfer;

import io.micrometer.core.instrument.Counter;
import io.zonepay.kernel.traffic.TrafficScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.service.zone.ZoneProperties;

import org.springframework.stereotype.Component;

/**
 * Transfers decided in their payer's zone, by route, outcome and code; and transfers this
 * zone received from others, by whether it credited them.
 */
@Component
class TransferMetrics {

	private final MeterRegistry registry;

	private final String zone;

	TransferMetrics(MeterRegistry registry, ZoneProperties zone) {
		this.registry = registry;
		this.zone = zone.id().value();
	}

	/** Call once per transfer, when it turns COMPLETED or FAILED. */
	void decided(Transfer transfer) {
		String code = transfer.failureCode() == null ? "none" : transfer.failureCode();
		Counter.builder("zonepay.transfers")
			.description("Transfers decided in the payer's zone, by outcome")
			.tag("zone", zone)
			.tag("route", transfer.route().name())
			.tag("outcome", transfer.status().name())
			.tag("code", code)
			.tag("traffic", TrafficScope.current().tag())
			.register(registry)
			.increment();
	}

	void received(String outcome) {
		Counter.builder("zonepay.transfers.received")
			.description("Transfers from other zones, by whether this zone credited them")
			.tag("zone", zone)
			.tag("outcome", outcome)
			.tag("traffic", TrafficScope.current().tag())
			.register(registry)
			.increment();
	}

}
