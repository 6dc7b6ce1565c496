package io.zonepay.runtime.global;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Out of service until the first view of global data arrived. */
final class GlobalDataHealthIndicator implements HealthIndicator {

	private final GlobalData data;

	GlobalDataHealthIndicator(GlobalData data) {
		this.data = data;
	}

	@Override
	public Health health() {
		return data.view() == null ? Health.outOfService().withDetail("reason", "no global data yet").build()
				: Health.up().withDetail("version", data.version()).build();
	}

}
