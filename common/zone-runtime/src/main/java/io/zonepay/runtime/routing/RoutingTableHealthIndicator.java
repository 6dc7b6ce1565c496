package io.zonepay.runtime.routing;

import io.zonepay.kernel.zone.RoutingTable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Out of service until the first routing table arrived: before that, a process cannot
 * know what it serves.
 */
final class RoutingTableHealthIndicator implements HealthIndicator {

	private final RoutingTables tables;

	RoutingTableHealthIndicator(RoutingTables tables) {
		this.tables = tables;
	}

	@Override
	public Health health() {
		RoutingTable table = tables.current();
		if (table == null) {
			return Health.outOfService().withDetail("reason", "no routing table yet").build();
		}
		return Health.up().withDetail("epoch", table.epoch()).build();
	}

}
