package io.zonepay.runtime.routing;

import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Shard;
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
	void refusesATableThatLeavesAShardOut() {
		String text = json.writeValueAsString(RoutingTableDocument.of(TestRouting.evenly(1, "rz1")))
			.replace("\"42\":\"rz1\",", "");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> json.readValue(text, RoutingTableDocument.class).toRoutingTable())
			.withMessageContaining("shard 42");
	}

}
