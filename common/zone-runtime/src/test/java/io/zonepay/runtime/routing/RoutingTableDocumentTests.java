package io.zonepay.runtime.routing;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.testkit.TestRouting;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingTableDocumentTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aTableSurvivesTheTripThroughJson() {
		RoutingTable table = TestRouting.evenly(7, "rz1", "rz2", "rz3");
		String text = json.writeValueAsString(RoutingTableDocument.of(table));
		RoutingTable read = json.readValue(text, RoutingTableDocument.class).toRoutingTable();
		assertThat(text).contains("\"epoch\":7", "\"00\":\"rz1\"", "\"99\":\"rz3\"", "\"zoneId\":\"rz2\"");
		assertThat(read.epoch()).isEqualTo(7);
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			assertThat(read.ownerOf(Shard.of(shard))).isEqualTo(table.ownerOf(Shard.of(shard)));
		}
		assertThat(read.zone(ZoneId.of("rz2")).orElseThrow().endpoint("account"))
			.isEqualTo(table.zone(ZoneId.of("rz2")).orElseThrow().endpoint("account"));
	}

	@Test
	void theShardGroupCatalogTravelsWithTheTable() {
		RoutingTable table = TestRouting.evenly(3, "rz1", "rz2");
		java.util.List<ShardGroupId> groups = new java.util.ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			groups.add(ShardGroupId.of(shard < 13 ? "sg1" : "sg5"));
		}
		RoutingTable grouped = RoutingTable.of(3, owners(table), groups, table.zones());
		String text = json.writeValueAsString(RoutingTableDocument.of(grouped));
		RoutingTable read = json.readValue(text, RoutingTableDocument.class).toRoutingTable();
		assertThat(text).contains("\"groups\":{\"00\":\"sg1\"");
		assertThat(read.groupOf(Shard.of(12))).hasValue(ShardGroupId.of("sg1"));
		assertThat(read.groupOf(Shard.of(13))).hasValue(ShardGroupId.of("sg5"));
		String older = json.writeValueAsString(RoutingTableDocument.of(table));
		assertThat(json.readValue(older, RoutingTableDocument.class).toRoutingTable().hasGroups()).isFalse();
	}

	private static java.util.List<ZoneId> owners(RoutingTable table) {
		java.util.List<ZoneId> owners = new java.util.ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(table.ownerOf(Shard.of(shard)));
		}
		return owners;
	}

	@Test
	void refusesATableThatLeavesAShardOut() {
		String text = json.writeValueAsString(RoutingTableDocument.of(TestRouting.evenly(1, "rz1")))
			.replace("\"42\":\"rz1\",", "");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> json.readValue(text, RoutingTableDocument.class).toRoutingTable())
			.withMessageContaining("shard 42");
	}

}
