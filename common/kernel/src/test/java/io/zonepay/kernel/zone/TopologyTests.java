package io.zonepay.kernel.zone;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopologyTests {

	private final Topology topology = Topologies.fourZones();

	@Test
	void refusesShardsServedTwice() {
		List<Topology.ZoneSpec> zones = new ArrayList<>(topology.zones());
		zones.add(Topologies.rzone("rz5", "sh", "20-30", "sg5", "rz1"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Topology(topology.cities(), zones))
			.withMessageContaining("shard 20 is declared by 2 RZones");
	}

	@Test
	void refusesShardsServedByNobody() {
		List<Topology.ZoneSpec> zones = new ArrayList<>(topology.zones());
		zones.removeIf(zone -> zone.id().value().equals("rz4"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Topology(topology.cities(), zones))
			.withMessageContaining("shard 75 is declared by 0 RZones");
	}

	@Test
	void refusesZonesInUndeclaredCities() {
		List<Topology.ZoneSpec> zones = new ArrayList<>(topology.zones());
		zones.add(Topologies.global("cz-bj", "bj", ZoneKind.CZONE));
		assertThatIllegalArgumentException().isThrownBy(() -> new Topology(topology.cities(), zones))
			.withMessageContaining("undeclared city bj");
	}

	@Test
	void refusesAStandbyThatIsNotAnotherRZone() {
		List<Topology.ZoneSpec> zones = new ArrayList<>(topology.zones());
		zones.removeIf(zone -> zone.id().value().equals("rz4"));
		zones.add(Topologies.rzone("rz4", "sh", "75-99", "sg4", "gz"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Topology(topology.cities(), zones))
			.withMessageContaining("standby of rz4");
	}

	@Test
	void namesTheGzonesStandbyInAnotherCity() {
		Topology withStandby = new Topology(topology.cities(), withGzoneStandby("sh"));
		assertThat(withStandby.gzone().id()).isEqualTo(ZoneId.of("gz"));
		assertThat(withStandby.gzoneStandby()).map(Topology.ZoneSpec::id).hasValue(ZoneId.of("gz-sh"));
		assertThat(topology.gzoneStandby()).isEmpty();
		assertThat(withStandby.initialRoutingTable().gzones()).extracting(Zone::id, Zone::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ZoneId.of("gz"), ZoneStatus.UP),
					org.assertj.core.groups.Tuple.tuple(ZoneId.of("gz-sh"), ZoneStatus.DOWN));
	}

	@Test
	void refusesAGzoneStandbyInTheWritersOwnCity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Topology(topology.cities(), withGzoneStandby("hz")))
			.withMessageContaining("standby of GZone gz must be another GZone in another city");
	}

	@Test
	void refusesTwoGzonesWithoutAStandbyBetweenThem() {
		List<Topology.ZoneSpec> zones = new ArrayList<>(topology.zones());
		zones.add(Topologies.global("gz2", "sh", ZoneKind.GZONE));
		assertThatIllegalArgumentException().isThrownBy(() -> new Topology(topology.cities(), zones))
			.withMessageContaining("exactly one GZone");
	}

	private List<Topology.ZoneSpec> withGzoneStandby(String city) {
		List<Topology.ZoneSpec> zones = new ArrayList<>(topology.zones());
		Topology.ZoneSpec gz = zones.stream().filter(zone -> zone.id().value().equals("gz")).findFirst().orElseThrow();
		zones.set(zones.indexOf(gz),
				new Topology.ZoneSpec(gz.id(), gz.kind(), gz.city(), null, null, ZoneId.of("gz-sh"), gz.endpoints()));
		zones.add(Topologies.global("gz-sh", city, ZoneKind.GZONE));
		return zones;
	}

	@Test
	void supportsTopologiesWithTwoOrThreeRZones() {
		Topology three = new Topology(topology.cities(),
				List.of(Topologies.global("gz", "hz", ZoneKind.GZONE),
						Topologies.rzone("rz1", "hz", "0-33", "sg1", "rz2"),
						Topologies.rzone("rz2", "hz", "34-66", "sg2", "rz1"),
						Topologies.rzone("rz3", "sh", "67-99", "sg3", "rz1")));
		assertThat(three.initialRoutingTable().ownerOf(Shard.of(34))).isEqualTo(ZoneId.of("rz2"));
		assertThat(three.rzones()).hasSize(3);
	}

}
