package io.zonepay.gateway.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import io.zonepay.runtime.routing.RoutingTables;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardMovesTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final RoutingTables tables = new RoutingTables();

	private final ShardMoves moves = new ShardMoves(tables, now::get);

	@Test
	void aShardThatChangedOwnerSettlesForAFewSecondsAndTheOthersNever() {
		tables.offer(table(1, 7, "rz1"));
		assertThat(moves.settling(Shard.of(7))).as("the first table moves nothing").isFalse();

		tables.offer(table(2, 7, "rz2"));

		assertThat(moves.settling(Shard.of(7))).isTrue();
		assertThat(moves.settling(Shard.of(8))).isFalse();
		assertThat(moves.settling(null)).as("global data has no shard").isFalse();
		now.addAndGet(ShardMoves.SETTLING.toNanos());
		assertThat(moves.settling(Shard.of(7))).isFalse();
	}

	/** Every shard on rz1 but one, which is on {@code owner}. */
	private static RoutingTable table(long epoch, int shard, String owner) {
		List<ZoneId> owners = new ArrayList<>();
		for (int i = 0; i < Shard.COUNT; i++) {
			owners.add(ZoneId.of(i == shard ? owner : "rz1"));
		}
		return RoutingTable.of(epoch, owners, List.of(zone("rz1"), zone("rz2")));
	}

	private static Zone zone(String id) {
		return new Zone(ZoneId.of(id), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, Map.of());
	}

}
