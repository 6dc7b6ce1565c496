package io.zonepay.kernel.zone;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RoutingTableTests {

	private final RoutingTable table = Topologies.fourZones().initialRoutingTable();

	@Test
	void looksUpTheServingZoneOfEveryShard() {
		assertThat(table.epoch()).isEqualTo(1);
		assertThat(table.ownerOf(Shard.of(0))).isEqualTo(ZoneId.of("rz1"));
		assertThat(table.ownerOf(Shard.of(24))).isEqualTo(ZoneId.of("rz1"));
		assertThat(table.ownerOf(Shard.of(30))).isEqualTo(ZoneId.of("rz2"));
		assertThat(table.ownerOf(Shard.of(60))).isEqualTo(ZoneId.of("rz3"));
		assertThat(table.ownerOf(Shard.of(99))).isEqualTo(ZoneId.of("rz4"));
		assertThat(table.ownerOf(Shard.ofId(123_456_737L))).isEqualTo(ZoneId.of("rz2"));
	}

	@Test
	void knowsEachZonesCityKindAndEndpoints() {
		Zone rz3 = table.ownerZoneOf(Shard.of(60));
		assertThat(rz3.city()).isEqualTo(CityId.of("sh"));
		assertThat(rz3.kind()).isEqualTo(ZoneKind.RZONE);
		assertThat(rz3.status()).isEqualTo(ZoneStatus.UP);
		assertThat(rz3.endpoint("account")).hasValue(URI.create("http://rz3-account:8080"));
		assertThat(table.gzone()).map(Zone::id).hasValue(ZoneId.of("gz"));
		assertThat(table.czoneOf(CityId.of("sh"))).map(Zone::id).hasValue(ZoneId.of("cz-sh"));
	}

	@Test
	void putsTheWriterGzoneFirstAndTheOneAPromotedStandbyReplacedLast() {
		List<Zone> zones = new ArrayList<>(table.zones());
		zones.add(new Zone(ZoneId.of("gz-sh"), ZoneKind.GZONE, CityId.of("sh"), ZoneStatus.DOWN, Map.of()));
		RoutingTable withStandby = RoutingTable.of(1, owners(table), zones);
		assertThat(withStandby.gzones()).extracting(Zone::id).containsExactly(ZoneId.of("gz"), ZoneId.of("gz-sh"));

		RoutingTable promoted = withStandby
			.next(Map.of(ZoneId.of("gz"), ZoneStatus.DOWN, ZoneId.of("gz-sh"), ZoneStatus.UP), Map.of());
		assertThat(promoted.gzones()).extracting(Zone::id).containsExactly(ZoneId.of("gz-sh"), ZoneId.of("gz"));
		assertThat(promoted.gzone()).map(Zone::id).hasValue(ZoneId.of("gz-sh"));
	}

	@Test
	void carriesTheShardGroupOfEveryShardFromTheTopology() {
		assertThat(table.hasGroups()).isTrue();
		assertThat(table.groupOf(Shard.of(13))).hasValue(ShardGroupId.of("sg1"));
		assertThat(table.groupOf(Shard.of(99))).hasValue(ShardGroupId.of("sg4"));
	}

	@Test
	void aSplitAddsAZoneAndMovesShardsToItAndToANewGroupInOneEpoch() {
		Zone rz5 = new Zone(ZoneId.of("rz5"), ZoneKind.RZONE, CityId.of("sh"), ZoneStatus.UP, Map.of());
		RoutingTable joined = table.next(Map.of(), Map.of(), Map.of(), List.of(rz5));
		assertThat(joined.epoch()).isEqualTo(2);
		assertThat(joined.zone(ZoneId.of("rz5"))).hasValue(rz5);
		assertThat(joined.shardsOf(ZoneId.of("rz5"))).isEmpty();

		Map<Shard, ZoneId> moves = new java.util.TreeMap<>();
		Map<Shard, ShardGroupId> regroups = new java.util.TreeMap<>();
		ShardSet.of("13-24").shards().forEach(shard -> {
			moves.put(shard, ZoneId.of("rz5"));
			regroups.put(shard, ShardGroupId.of("sg5"));
		});
		RoutingTable split = joined.next(Map.of(), moves, regroups, List.of());
		assertThat(split.ownerOf(Shard.of(13))).isEqualTo(ZoneId.of("rz5"));
		assertThat(split.groupOf(Shard.of(24))).hasValue(ShardGroupId.of("sg5"));
		assertThat(split.groupOf(Shard.of(12))).hasValue(ShardGroupId.of("sg1"));
		assertThat(split.ownerOf(Shard.of(12))).isEqualTo(ZoneId.of("rz1"));
	}

	@Test
	void refusesToAddAZoneTwiceOrToRegroupATableWithoutGroups() {
		Zone rz1 = table.zone(ZoneId.of("rz1")).orElseThrow();
		assertThatIllegalArgumentException().isThrownBy(() -> table.next(Map.of(), Map.of(), Map.of(), List.of(rz1)))
			.withMessageContaining("already");
		RoutingTable withoutGroups = RoutingTable.of(1, owners(table), table.zones());
		assertThat(withoutGroups.groupOf(Shard.of(0))).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(
				() -> withoutGroups.next(Map.of(), Map.of(), Map.of(Shard.of(0), ShardGroupId.of("sg5")), List.of()))
			.withMessageContaining("no shard groups");
	}

	private static List<ZoneId> owners(RoutingTable table) {
		List<ZoneId> owners = new ArrayList<>();
		for (int shard = 0; shard < Shard.COUNT; shard++) {
			owners.add(table.ownerOf(Shard.of(shard)));
		}
		return owners;
	}

	@Test
	void listsTheShardsOfAZoneAndEveryAssignment() {
		assertThat(table.shardsOf(ZoneId.of("rz4"))).hasSize(25).startsWith(Shard.of(75)).endsWith(Shard.of(99));
		assertThat(table.assignments()).hasSize(100)
			.containsEntry("00", ZoneId.of("rz1"))
			.containsEntry("99", ZoneId.of("rz4"));
	}

	@Test
	void refusesAShardGivenToAZoneThatIsNotAnRZone() {
		List<ZoneId> owners = new ArrayList<>(Collections.nCopies(100, ZoneId.of("rz1")));
		owners.set(7, ZoneId.of("gz"));
		assertThatIllegalArgumentException().isThrownBy(() -> RoutingTable.of(2, owners, table.zones()))
			.withMessageContaining("shard 07");
	}

	@Test
	void refusesATableThatLeavesShardsOut() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RoutingTable.of(2, Collections.nCopies(99, ZoneId.of("rz1")), table.zones()));
	}

	@Test
	void theNextEpochChangesStatusesAndOwnersInOneStep() {
		RoutingTable next = table.next(Map.of(ZoneId.of("rz1"), ZoneStatus.DOWN),
				Map.of(Shard.of(0), ZoneId.of("rz2"), Shard.of(24), ZoneId.of("rz2")));

		assertThat(next.epoch()).isEqualTo(2);
		assertThat(next.zone(ZoneId.of("rz1"))).map(Zone::status).hasValue(ZoneStatus.DOWN);
		assertThat(next.zone(ZoneId.of("rz2"))).map(Zone::status).hasValue(ZoneStatus.UP);
		assertThat(next.ownerOf(Shard.of(0))).isEqualTo(ZoneId.of("rz2"));
		assertThat(next.ownerOf(Shard.of(24))).isEqualTo(ZoneId.of("rz2"));
		assertThat(next.shardsOf(ZoneId.of("rz1"))).hasSize(23);
		assertThat(next.zone(ZoneId.of("rz3")).orElseThrow().endpoint("account"))
			.hasValue(URI.create("http://rz3-account:8080"));
		assertThat(table.epoch()).as("the old table is unchanged").isEqualTo(1);
		assertThat(table.ownerOf(Shard.of(0))).isEqualTo(ZoneId.of("rz1"));
	}

	@Test
	void theNextEpochRefusesUnknownZonesAndShardsGivenToOtherKinds() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> table.next(Map.of(ZoneId.of("rz9"), ZoneStatus.DOWN), Map.of()))
			.withMessageContaining("rz9");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> table.next(Map.of(), Map.of(Shard.of(3), ZoneId.of("cz-hz"))))
			.withMessageContaining("shard 03");
	}

}
