package io.zonepay.config.supervision;

import java.util.Optional;
import java.util.function.Consumer;

import io.zonepay.config.routing.RoutingChanges;
import io.zonepay.config.routing.RoutingPlan;
import io.zonepay.config.routing.StoredRouting;
import io.zonepay.kernel.zone.RoutingTable;

/**
 * Routing in memory: each change that changes something is the next epoch and the next
 * version.
 */
final class FakeRoutingChanges implements RoutingChanges {

	private StoredRouting stored;

	FakeRoutingChanges(RoutingTable initial) {
		this.stored = new StoredRouting(initial, 1);
	}

	RoutingTable table() {
		return stored.table();
	}

	@Override
	public Optional<StoredRouting> newest() {
		return Optional.of(stored);
	}

	@Override
	public synchronized StoredRouting change(Consumer<RoutingPlan> planner) {
		RoutingPlan plan = RoutingPlan.of(stored.table());
		planner.accept(plan);
		if (plan.changes()) {
			stored = new StoredRouting(plan.table(), stored.version() + 1);
		}
		return stored;
	}

}
