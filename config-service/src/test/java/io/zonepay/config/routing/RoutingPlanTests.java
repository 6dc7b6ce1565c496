package io.zonepay.config.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.problem.ProblemException;
import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.kernel.zone.ZoneStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cell's life in the routing table: it joins serving nothing, a split's cut-over gives
 * it shards in its own group at one epoch, the merge takes them back, and it leaves.
 */
class RoutingPlanTests {

	private static final ShardSet MOVING = ShardSet.of("13-24");

	private final RoutingTable base = RoutingTable.of(1, owners("rz1"), groups("sg1"), List.of(rzone("rz1")));

	@Test
	void aCellJoinsTakesShardsInItsGroupAndLeavesAfterTheMerge() {
		RoutingTable joined = change(base, plan -> plan.add(rzone("rz5")));
		assertThat(joined.shardsOf(ZoneId.of("rz5"))).isEmpty();

		RoutingTable split = change(joined, plan -> {
			plan.requireUpRzone(ZoneId.of("rz5"));
			plan.move(MOVING.shards(), ZoneId.of("rz5"));
			plan.regroup(MOVING.shards(), ShardGroupId.of("sg5"));
		});
		assertThat(split.epoch()).isEqualTo(3);
		assertThat(split.ownerOf(Shard.of(13))).isEqualTo(ZoneId.of("rz5"));
		assertThat(split.groupOf(Shard.of(24))).hasValue(ShardGroupId.of("sg5"));

		assertThatThrownBy(() -> change(split, plan -> plan.remove(ZoneId.of("rz5"))))
			.isInstanceOf(ProblemException.class)
			.hasMessageContaining("still serves shards");
		RoutingTable merged = change(split, plan -> {
			plan.move(MOVING.shards(), ZoneId.of("rz1"));
			plan.regroup(MOVING.shards(), ShardGroupId.of("sg1"));
		});
		RoutingTable left = change(merged, plan -> plan.remove(ZoneId.of("rz5")));
		assertThat(left.zone(ZoneId.of("rz5"))).isEmpty();
		assertThat(left.groupOf(Shard.of(13))).hasValue(ShardGroupId.of("sg1"));
		assertThat(left.epoch()).isEqualTo(5);
	}

	@Test
	void aZoneThatExistsDoesNotJoinAgainUnlessItServesNothing() {
		assertThatThrownBy(() -> change(base, plan -> plan.add(rzone("rz1")))).isInstanceOf(ProblemException.class)
			.hasMessageContaining("already");
	}

	private static RoutingTable change(RoutingTable table, java.util.function.Consumer<RoutingPlan> planner) {
		RoutingPlan plan = RoutingPlan.of(table);
		planner.accept(plan);
		return plan.table();
	}

	private static Zone rzone(String id) {
		return new Zone(ZoneId.of(id), ZoneKind.RZONE, CityId.of("hz"), ZoneStatus.UP,
				Map.of("account", URI.create("http://" + id + ":8080")));
	}

	private static List<ZoneId> owners(String zone) {
		return java.util.Collections.nCopies(Shard.COUNT, ZoneId.of(zone));
	}

	private static List<ShardGroupId> groups(String group) {
		return java.util.Collections.nCopies(Shard.COUNT, ShardGroupId.of(group));
	}

}
