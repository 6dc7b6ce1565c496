package io.zonepay.kernel.routing;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * The rule every RZone applies before doing any work: serve a shard only while the
 * routing table gives it to this zone. Rejecting before any side effect is what makes a
 * gateway retry at the right zone safe.
 */
public final class ZoneGuard {

	private final ZoneId self;

	public ZoneGuard(ZoneId self) {
		this.self = self;
	}

	public Decision decide(@Nullable RoutingTable table, Shard shard) {
		if (table == null) {
			return new Decision.NoRoutingTable();
		}
		ZoneId owner = table.ownerOf(shard);
		return owner.equals(self) ? new Decision.Serve(table.epoch())
				: new Decision.WrongZone(shard, owner, table.epoch());
	}

	public ZoneId self() {
		return self;
	}

	/** The outcome for one request. */
	public sealed interface Decision {

		/** This zone serves the shard at this epoch. */
		record Serve(long epoch) implements Decision {
		}

		/** Another zone serves the shard; the caller should go there. */
		record WrongZone(Shard shard, ZoneId owner, long epoch) implements Decision {
		}

		/**
		 * The zone has not yet loaded a routing table, so it cannot know what it serves.
		 */
		record NoRoutingTable() implements Decision {
		}

	}

}
