package io.zonepay.config.routing;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.runtime.routing.RoutingTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routing changes serialized by the lock on the stored epoch, so that two GZone instances
 * cannot interleave either.
 */
@Component
@Profile("!czone")
class StoredRoutingChanges implements RoutingChanges {

	private static final Logger log = LoggerFactory.getLogger(StoredRoutingChanges.class);

	private final RoutingStore store;

	private final TransactionTemplate transactions;

	private final RoutingTables tables;

	StoredRoutingChanges(RoutingStore store, TransactionTemplate transactions, RoutingTables tables) {
		this.store = store;
		this.transactions = transactions;
		this.tables = tables;
	}

	@Override
	public Optional<StoredRouting> newest() {
		return store.newest();
	}

	@Override
	public StoredRouting change(Consumer<RoutingPlan> planner) {
		AtomicReference<@Nullable String> changed = new AtomicReference<>();
		StoredRouting stored = Objects.requireNonNull(transactions.execute(status -> {
			StoredRouting newest = store.lockNewest();
			RoutingPlan plan = RoutingPlan.of(newest.table());
			planner.accept(plan);
			if (!plan.changes()) {
				return newest;
			}
			RoutingTable next = plan.table();
			changed.set(plan.summary());
			return new StoredRouting(next, store.replace(next));
		}));
		if (changed.get() != null) {
			log.info("Routing epoch {} stored at version {}: {}", stored.table().epoch(), stored.version(),
					changed.get());
			// This process's own copy, which its health goes by; every other reader
			// learns the table from the change log.
			tables.offer(stored.table());
		}
		return stored;
	}

}
