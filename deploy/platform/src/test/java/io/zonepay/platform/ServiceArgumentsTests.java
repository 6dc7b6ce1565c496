package io.zonepay.platform;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardSet;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceArgumentsTests {

	private static final Path DEFAULT_TOPOLOGY = Path.of("../../config-service/src/main/resources/topology/local.yml");

	private final Topology topology = TopologyFile.read(DEFAULT_TOPOLOGY);

	private final ServiceArguments arguments = new ServiceArguments(topology,
			new LocalInfrastructure("jdbc:postgresql://127.0.0.1:15432/", "postgres", "127.0.0.1:19092"),
			DEFAULT_TOPOLOGY);

	@Test
	void theDefaultTopologyIsTwoCitiesAndFourRZonesOfTwentyFiveShards() {
		assertThat(topology.cities()).extracting(city -> city.id().value()).containsExactly("hz", "sh");
		assertThat(topology.rzones()).extracting(zone -> zone.id().value()).containsExactly("rz1", "rz2", "rz3", "rz4");
		assertThat(topology.rzones()).allSatisfy(zone -> assertThat(zone.shards().shards()).hasSize(25));
		assertThat(topology.zones()).filteredOn(zone -> zone.kind() == ZoneKind.CZONE)
			.extracting(zone -> zone.id().value())
			.containsExactly("cz-hz", "cz-sh");
		assertThat(topology.initialRoutingTable().ownerOf(Shard.of(60))).isEqualTo(ZoneId.of("rz3"));
	}

	@Test
	void everyServiceOfEveryZoneHasItsOwnNodeIdPortsAndDatabase() {
		Set<String> nodeIds = new HashSet<>();
		Set<String> ports = new HashSet<>();
		Set<String> databases = new HashSet<>();
		for (Topology.ZoneSpec zone : topology.zones()) {
			for (String service : services(zone)) {
				Map<String, String> settings = arguments.zoneService(zone, service);
				assertThat(nodeIds.add(settings.get("zonepay.ids.node-id"))).as("node id of %s %s", zone.id(), service)
					.isTrue();
				assertThat(ports.add(settings.get("server.port"))).isTrue();
				assertThat(ports.add(settings.get("management.server.port"))).isTrue();
				assertThat(databases.add(settings.get("spring.datasource.url"))).isTrue();
			}
		}
		assertThat(nodeIds).hasSize(16);
	}

	@Test
	void everyServiceAndGatewaySendsItsTracesToTheRunsBackendAndNowhereWithoutOne() {
		ServiceArguments traced = new ServiceArguments(topology,
				new LocalInfrastructure("jdbc:postgresql://127.0.0.1:15432/", "postgres", "127.0.0.1:19092",
						"http://127.0.0.1:9411/api/v2/spans"),
				DEFAULT_TOPOLOGY);
		String endpoint = "management.tracing.export.zipkin.endpoint";
		for (Topology.ZoneSpec zone : topology.zones()) {
			for (String service : services(zone)) {
				assertThat(traced.zoneService(zone, service)).as("%s %s", zone.id(), service)
					.containsEntry(endpoint, "http://127.0.0.1:9411/api/v2/spans");
				assertThat(arguments.zoneService(zone, service)).as("%s %s", zone.id(), service)
					.doesNotContainKey(endpoint);
			}
		}
		topology.cities().forEach(city -> {
			assertThat(traced.gateway(city)).containsEntry(endpoint, "http://127.0.0.1:9411/api/v2/spans");
			assertThat(arguments.gateway(city)).doesNotContainKey(endpoint);
		});
	}

	@Test
	void eachGatewayAddsTheOtherCitysGatewayToItsWarRoom() {
		Map<String, String> hz = arguments.gateway(topology.cities().getFirst());
		Map<String, String> sh = arguments.gateway(topology.cities().getLast());

		assertThat(hz).containsEntry("zonepay.gateway.city", "hz")
			.containsEntry("zonepay.gateway.ops.peers", topology.cities().getLast().gateway().toString());
		assertThat(sh).containsEntry("zonepay.gateway.city", "sh")
			.containsEntry("zonepay.gateway.ops.peers", topology.cities().getFirst().gateway().toString());
	}

	@Test
	void anRZoneServiceKnowsItsZoneShardGroupAndWhereTheRoutingTableIs() {
		Topology.ZoneSpec rz2 = topology.zone(ZoneId.of("rz2")).orElseThrow();
		Map<String, String> settings = arguments.zoneService(rz2, "order");
		assertThat(settings).containsEntry("server.port", "9122")
			.containsEntry("management.server.port", "9222")
			.containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:15432/sg2_order")
			.containsEntry("zonepay.zone.id", "rz2")
			.containsEntry("zonepay.zone.city", "hz")
			.containsEntry("zonepay.zone.shard-group", "sg2")
			.containsEntry("zonepay.global.sources",
					"http://localhost:9101,http://localhost:9102,http://localhost:9100,http://localhost:9103");
		assertThat(arguments.zoneService(topology.zone(ZoneId.of("rz3")).orElseThrow(), "payment"))
			.as("its city's CZone first, the GZone last")
			.containsEntry("zonepay.global.sources",
					"http://localhost:9102,http://localhost:9101,http://localhost:9100,http://localhost:9103");
	}

	@Test
	void anRZoneServiceKnowsEveryShardGroupItMayAdopt() {
		Map<String, String> settings = arguments.zoneService(topology.zone(ZoneId.of("rz2")).orElseThrow(), "payment");
		assertThat(settings)
			.containsEntry("zonepay.shard-groups.catalog.sg1.url", "jdbc:postgresql://127.0.0.1:15432/sg1_payment")
			.containsEntry("zonepay.shard-groups.catalog.sg4.url", "jdbc:postgresql://127.0.0.1:15432/sg4_payment");
		assertThat(ShardSet.of(settings.get("zonepay.shard-groups.catalog.sg1.shards")))
			.isEqualTo(ShardSet.range(0, 24));
		assertThat(arguments.zoneService(topology.zone(ZoneId.of("gz")).orElseThrow(), "config"))
			.doesNotContainKey("zonepay.shard-groups.catalog.sg1.url");
	}

	@Test
	void theGzoneReadsTheTopologyFileItWasStartedWith() {
		Map<String, String> settings = arguments.zoneService(topology.zone(ZoneId.of("gz")).orElseThrow(), "config");
		assertThat(settings).containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:15432/gz_config")
			.doesNotContainKey("zonepay.global.sources");
		assertThat(settings.get("zonepay.topology.location")).startsWith("file:").endsWith("local.yml");
	}

	@Test
	void theGzoneGivesZonesThatHaveNotAnsweredYetLongerToStartThanInProduction() {
		Map<String, String> settings = arguments.zoneService(topology.zone(ZoneId.of("gz")).orElseThrow(), "config");
		assertThat(settings).containsEntry("zonepay.supervisor.startup-grace", "5m");
		assertThat(arguments.zoneService(topology.zone(ZoneId.of("cz-hz")).orElseThrow(), "config"))
			.doesNotContainKey("zonepay.supervisor.startup-grace");
	}

	@Test
	void aCzoneCopiesTheGzoneInItsOwnDatabase() {
		Map<String, String> settings = arguments.zoneService(topology.zone(ZoneId.of("cz-sh")).orElseThrow(), "config");
		assertThat(settings).containsEntry("spring.profiles.active", "czone")
			.containsEntry("zonepay.replication.gzone", "http://localhost:9100,http://localhost:9103")
			.containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:15432/cz_sh_config")
			.containsEntry("spring.kafka.bootstrap-servers", "127.0.0.1:19092")
			.containsEntry("server.port", "9102");
	}

	@Test
	void theGzonesStandbyFollowsTheWriterInItsOwnDatabase() {
		Map<String, String> settings = arguments.zoneService(topology.zone(ZoneId.of("gz-sh")).orElseThrow(), "config");
		assertThat(settings).containsEntry("spring.profiles.active", "standby")
			.containsEntry("zonepay.replication.gzone", "http://localhost:9100")
			.containsEntry("spring.datasource.url", "jdbc:postgresql://127.0.0.1:15432/gz_sh_config")
			.containsEntry("zonepay.zone.city", "sh")
			.containsEntry("server.port", "9103");
		assertThat(arguments.zoneService(topology.zone(ZoneId.of("gz")).orElseThrow(), "config"))
			.doesNotContainKey("spring.profiles.active");
	}

	@Test
	void gatewaysReadTheirCitysCzoneAndIssueDevelopmentTokensOnlyOnTheLocalPlatform() {
		Map<String, String> settings = arguments.gateway(topology.cities().get(1));
		assertThat(settings).containsEntry("server.port", "8081")
			.containsEntry("zonepay.gateway.city", "sh")
			.containsEntry("zonepay.global.sources",
					"http://localhost:9102,http://localhost:9101,http://localhost:9100,http://localhost:9103")
			.containsEntry("zonepay.gateway.tokens.dev-issuer", "true");
	}

	private static List<String> services(Topology.ZoneSpec zone) {
		return switch (zone.kind()) {
			case GZONE -> List.of("config");
			case RZONE -> new ArrayList<>(ServiceArguments.rzoneServices());
			case CZONE -> List.of("config");
		};
	}

}
