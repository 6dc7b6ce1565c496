package io.zonepay.gateway.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonepay.gateway.admission.ZoneLimiters;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.runtime.global.GlobalData;
import io.zonepay.runtime.global.GlobalView;

import org.springframework.stereotype.Component;

/**
 * Each zone's water level as this gateway sees it, published as
 * {@code zonepay.gateway.zone.water.level{zone}} from the zone's first request on. The
 * operations page shows the level over every gateway instead.
 */
@Component
class WaterLevels {

	private final TrafficHistory history;

	private final ZoneLimiters limiters;

	private final GlobalData globalData;

	private final MeterRegistry meters;

	WaterLevels(TrafficHistory history, ZoneLimiters limiters, GlobalData globalData, MeterRegistry meters) {
		this.history = history;
		this.limiters = limiters;
		this.globalData = globalData;
		this.meters = meters;
	}

	/** Publishes the zone's level; once per zone. */
	void watch(String zone) {
		Gauge.builder("zonepay.gateway.zone.water.level", () -> ofThisGateway(zone).level())
			.description("The zone's load at this gateway against its measured capacity (requests per second), or its"
					+ " requests in flight against the limit while the capacity is unmeasured; 1 is full")
			.tag("zone", zone)
			.register(meters);
	}

	/** The zone's level from this gateway's traffic and limit alone. */
	WaterLevel ofThisGateway(String zone) {
		return WaterLevel.of(history.requestsPerSecond(zone, WaterLevel.WINDOW_SECONDS), capacity(zone),
				limiters.levels().get(zone));
	}

	/**
	 * The zone's measured capacity, requests per second; 0 while unmeasured or before
	 * global data is read.
	 */
	long capacity(String zone) {
		GlobalView view = globalData.view();
		if (view == null) {
			return 0;
		}
		return view.switches().capacity(ZoneId.of(zone));
	}

}
