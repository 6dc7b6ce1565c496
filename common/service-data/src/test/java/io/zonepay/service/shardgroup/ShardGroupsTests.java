package io.zonepay.service.shardgroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which group holds a shard follows the routing table once it carries the catalog (a live
 * split moves shards between groups by an epoch), and a group the deployment's catalog
 * does not name is found by the URL template.
 */
class ShardGroupsTests {

	private final AtomicReference<RoutingTable> table = new AtomicReference<>();

	private final ShardGroups groups = new ShardGroups(ShardGroupId.of("sg1"),
			Map.of("sg2", new ShardGroupProperties.Group("50-99", "jdbc:postgresql://db/sg2_account")),
			"jdbc:postgresql://db/{group}_account", table::get);

	@Test
	void goesByTheDeploymentsCatalogUntilTheRoutingTableCarriesOne() {
		assertThat(groups.groupOf(Shard.of(15))).isEqualTo(ShardGroupId.of("sg1"));
		assertThat(groups.groupOf(Shard.of(60))).isEqualTo(ShardGroupId.of("sg2"));
		table.set(RoutingTable.of(1, owners(), List.of(rz1())));
		assertThat(groups.groupOf(Shard.of(60))).as("a table without the catalog").isEqualTo(ShardGroupId.of("sg2"));
	}

	@Test
	void followsTheGroupsOfTheNewestTable() {
		List<ShardGroupId> split = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			split.add(ShardGroupId.of(shard >= 13 && shard <= 24 ? "sg5" : shard < 50 ? "sg1" : "sg2"));
		}
		table.set(RoutingTable.of(2, owners(), split, List.of(rz1())));

		assertThat(groups.groupOf(Shard.of(15))).isEqualTo(ShardGroupId.of("sg5"));
		assertThat(groups.sameGroup(Shard.of(10), Shard.of(15))).isFalse();
		assertThat(groups.url(ShardGroupId.of("sg5"))).hasValue("jdbc:postgresql://db/sg5_account");
		assertThat(groups.url(ShardGroupId.of("sg2"))).hasValue("jdbc:postgresql://db/sg2_account");
	}

	private static List<ZoneId> owners() {
		List<ZoneId> owners = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(ZoneId.of("rz1"));
		}
		return owners;
	}

	private static Zone rz1() {
		return new Zone(ZoneId.of("rz1"), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP, Map.of());
	}

}
