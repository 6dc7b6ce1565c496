package io.zonepay.runtime.routing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.zonepay.kernel.zone.RoutingTable;

import org.jspecify.annotations.Nullable;

/**
 * The newest routing table this process knows. Reads are a volatile load; a table only
 * ever replaces one with a lower epoch, so a slow or reordered fetch can never roll
 * routing back.
 */
public final class RoutingTables {

	private final AtomicReference<@Nullable RoutingTable> current = new AtomicReference<>();

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	/** The newest table, or {@code null} before the first one arrived. */
	public @Nullable RoutingTable current() {
		return current.get();
	}

	/** Takes a table if it is newer than the current one; answers whether it did. */
	public boolean offer(RoutingTable table) {
		RoutingTable previous = current.getAndAccumulate(table,
				(known, offered) -> known == null || offered.epoch() > known.epoch() ? offered : known);
		boolean newer = previous == null || table.epoch() > previous.epoch();
		if (newer) {
			listeners.forEach(Runnable::run);
		}
		return newer;
	}

	/**
	 * Runs {@code listener} on the offering thread each time a newer table is taken: it
	 * must only hand the news on (wake a task), never wait.
	 */
	public void whenNewer(Runnable listener) {
		listeners.add(listener);
	}

	public long epoch() {
		RoutingTable table = current.get();
		return table == null ? 0 : table.epoch();
	}

}
