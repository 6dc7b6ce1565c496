package io.zonepay.kernel.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZoneGuardTests {

	private static final ZoneId RZ1 = ZoneId.of("rz1");

	private static final ZoneId RZ2 = ZoneId.of("rz2");

	private final ZoneGuard guard = new ZoneGuard(RZ1);

	@Test
	void servesTheShardsTheTableGivesIt() {
		assertThat(guard.decide(halves(1), Shard.of(49))).isEqualTo(new ZoneGuard.Decision.Serve(1));
	}

	@Test
	void sendsOtherShardsToTheirZoneAtTheCurrentEpoch() {
		assertThat(guard.decide(halves(1), Shard.of(50)))
			.isEqualTo(new ZoneGuard.Decision.WrongZone(Shard.of(50), RZ2, 1));
	}

	@Test
	void stopsServingAShardOnceANewEpochMovesItAway() {
		List<ZoneId> owners = new ArrayList<>(Collections.nCopies(100, RZ2));
		RoutingTable moved = RoutingTable.of(2, owners, halves(1).zones());
		assertThat(guard.decide(moved, Shard.of(0))).isEqualTo(new ZoneGuard.Decision.WrongZone(Shard.of(0), RZ2, 2));
	}

	@Test
	void servesNothingBeforeItHasATable() {
		assertThat(guard.decide(null, Shard.of(0))).isEqualTo(new ZoneGuard.Decision.NoRoutingTable());
	}

	private static RoutingTable halves(long epoch) {
		List<ZoneId> owners = new ArrayList<>(Collections.nCopies(50, RZ1));
		owners.addAll(Collections.nCopies(50, RZ2));
		return RoutingTable.of(epoch, owners, List.of(rzone(RZ1), rzone(RZ2)));
	}

	private static Zone rzone(ZoneId id) {
		return new Zone(id, ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP,
				Map.of("account", URI.create("http://" + id)));
	}

}
