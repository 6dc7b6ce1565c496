package io.zonepay.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * What adding and removing a cell does to the topology, and the deployment files of a new
 * cell for Kubernetes and Compose.
 */
class CellPlansTests {

	private static final Path DEFAULT_TOPOLOGY = Path.of("../../config-service/src/main/resources/topology/local.yml");

	private final Topology topology = TopologyFile.read(DEFAULT_TOPOLOGY);

	@Test
	void aNewCellTakesShardsOfOneZoneWithItsOwnGroupAndTheNextPorts() {
		CellPlans.Move split = CellPlans.addition(topology, ZoneId.of("rz5"), CityId.of("sh"), ShardSet.of("13-24"),
				null);

		assertThat(split.from()).isEqualTo(ShardGroupId.of("sg1"));
		assertThat(split.to()).isEqualTo(ShardGroupId.of("sg5"));
		assertThat(split.staying()).isEqualTo(Shard.of(0));
		assertThat(split.after().zone(ZoneId.of("rz1")).orElseThrow().shards()).isEqualTo(ShardSet.of("0-12"));
		assertThat(split.taking().endpoints().get("payment").getPort()).isEqualTo(9153);
		CellPlans.Move back = CellPlans.removal(split.after(), ZoneId.of("rz5"), ZoneId.of("rz1"));
		assertThat(back.after().zone(ZoneId.of("rz1")).orElseThrow().shards()).isEqualTo(ShardSet.of("0-24"));
		assertThat(back.after().zone(ZoneId.of("rz5"))).isEmpty();
		assertThat(back.staying()).isNull();
	}

	@Test
	void aNewCellsPortsPassOverAnyPortOfTheTopologyManagementPortsIncluded() {
		// A city's gateway whose management port (+100) is where the next ports would be,
		// as the end-to-end suite's scattered ports can have it.
		Topology crowded = new Topology(List.of(new Topology.City(CityId.of("hz"), URI.create("http://localhost:9052")),
				new Topology.City(CityId.of("sh"), topology.cities().get(1).gateway())), topology.zones());

		CellPlans.Move split = CellPlans.addition(crowded, ZoneId.of("rz5"), CityId.of("sh"), ShardSet.of("13-24"),
				null);

		assertThat(split.taking().endpoints().values()).extracting(URI::getPort)
			.containsExactlyInAnyOrder(9161, 9162, 9163);
	}

	@Test
	void refusesShardsOfTwoZonesAZoneLeftWithoutShardsAndAGroupThatExists() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> CellPlans.addition(topology, ZoneId.of("rz5"), CityId.of("sh"), ShardSet.of("20-30"), null))
			.withMessageContaining("one zone");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> CellPlans.addition(topology, ZoneId.of("rz5"), CityId.of("sh"), ShardSet.of("0-24"), null))
			.withMessageContaining("keep no shard");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CellPlans.addition(topology, ZoneId.of("rz5"), CityId.of("sh"), ShardSet.of("13-24"),
					ShardGroupId.of("sg2")))
			.withMessageContaining("sg2 already");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theNewCellsOverlayAndComposeServicesNameItAndItsGroup(@TempDir Path out) throws Exception {
		CellPlans.Move split = CellPlans.addition(topology, ZoneId.of("rz5"), CityId.of("sh"), ShardSet.of("13-24"),
				null);

		List<Path> written = new CellManifests(split).write(out);

		Yaml yaml = new Yaml();
		Map<String, Object> kustomization = yaml.load(java.nio.file.Files.readString(written.get(0)));
		assertThat(kustomization).containsEntry("namespace", "zonepay-rz5");
		assertThat(java.nio.file.Files.readString(written.get(0))).contains("ZONEPAY_ZONE_SHARD_GROUP=sg5",
				"ZONEPAY_IDS_NODE_ID=91", "ZONEPAY_IDS_NODE_ID=93", "${ZONEPAY_POSTGRES_SG5}/sg5_${ZONEPAY_SERVICE}");
		Map<String, Object> compose = yaml.load(java.nio.file.Files.readString(written.get(2)));
		Map<String, Object> services = (Map<String, Object>) compose.get("services");
		assertThat(services).containsOnlyKeys("rz5-account", "rz5-order", "rz5-payment");
		Map<String, Object> environment = (Map<String, Object>) ((Map<String, Object>) services.get("rz5-order"))
			.get("environment");
		assertThat(environment).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/sg5_order")
			.containsEntry("ZONEPAY_IDS_NODE_ID", "92")
			.containsEntry("ZONEPAY_ZONE_SHARD_GROUP", "sg5");
	}

}
