package io.zonepay.gateway.admission;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.runtime.routing.RoutingTables;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which shards changed owner in this gateway's routing table a moment ago. A request for
 * such a shard waits at its new zone for the cut-over (the group adopted, the lease taken
 * over), not for the zone's capacity, so it is admitted outside the zone's limit: counted
 * in, a move's first second filled a zone's limit with waiting requests and its own
 * users' were shed.
 */
@Component
class ShardMoves {

	/** How long after a move its shards' requests are admitted outside the limit. */
	static final Duration SETTLING = Duration.ofSeconds(5);

	private final RoutingTables tables;

	private final LongSupplier nanoTime;

	/** When each shard last changed owner ({@link System#nanoTime()}); 0 for never. */
	private final AtomicLongArray movedAt = new AtomicLongArray(Shard.COUNT);

	private @Nullable RoutingTable seen;

	@Autowired
	ShardMoves(RoutingTables tables) {
		this(tables, System::nanoTime);
	}

	ShardMoves(RoutingTables tables, LongSupplier nanoTime) {
		this.tables = tables;
		this.nanoTime = nanoTime;
		this.seen = tables.current();
		tables.whenNewer(this::compare);
	}

	/** Whether the shard changed owner within {@link #SETTLING}. */
	boolean settling(@Nullable Shard shard) {
		if (shard == null) {
			return false;
		}
		long at = movedAt.get(shard.value());
		return at != 0 && nanoTime.getAsLong() - at < SETTLING.toNanos();
	}

	/** Runs on the thread that offered a newer table: a hundred comparisons, no wait. */
	private synchronized void compare() {
		RoutingTable now = tables.current();
		RoutingTable before = seen;
		seen = now;
		if (before == null || now == null) {
			return;
		}
		long at = nanoTime.getAsLong();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			Shard id = Shard.of(shard);
			if (!before.ownerOf(id).equals(now.ownerOf(id))) {
				movedAt.set(shard, at == 0 ? 1 : at);
			}
		}
	}

}
