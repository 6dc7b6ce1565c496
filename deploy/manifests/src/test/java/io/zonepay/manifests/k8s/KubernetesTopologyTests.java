package io.zonepay.manifests.k8s;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import static io.zonepay.manifests.k8s.Rendered.NAME;
import static io.zonepay.manifests.k8s.Rendered.labels;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes overlays and the default topology (config-service's topology/local.yml)
 * name the same cities, zones, shards, shard groups and standbys, so neither can drift
 * from the other.
 */
class KubernetesTopologyTests {

	private static final Path DEFAULT_TOPOLOGY = Path.of("..", "..", "config-service", "src", "main", "resources",
			"topology", "local.yml");

	/** The Kubernetes services each kind of zone runs. */
	private static final Map<String, Set<String>> SERVICES_OF_KIND = Map.of("GZONE", Set.of("config-service"), "CZONE",
			Set.of("config-service"), "RZONE", Set.of("account-service", "order-service", "payment-service"), "GATEWAY",
			Set.of("gateway"));

	@Test
	void zoneOverlaysAreTheTopologysZonesAndOneGatewayPerCity() {
		Topology topology = Topology.read(DEFAULT_TOPOLOGY);

		assertThat(Kustomize.zoneOverlays()).as("overlays under deploy/k8s/zones")
			.containsExactlyInAnyOrderElementsOf(topology.deployableUnits().keySet());
	}

	@Test
	void stagingComposesEveryZoneRunningTheServicesOfItsKind() {
		Topology topology = Topology.read(DEFAULT_TOPOLOGY);
		Rendered staging = Rendered.of(Kustomize.STAGING);

		Map<String, Set<String>> servicesByZone = staging.deployments()
			.stream()
			.collect(Collectors
				.groupingBy(deployment -> labels(deployment).getOrDefault(Rendered.ZONE, "(no zone label)"), Collectors
					.mapping(deployment -> labels(deployment).get(NAME), Collectors.toCollection(TreeSet::new))));
		Map<String, Set<String>> expected = new LinkedHashMap<>();
		topology.deployableUnits().forEach((unit, kind) -> expected.put(unit, SERVICES_OF_KIND.get(kind)));

		assertThat(servicesByZone).as("services each zone runs in staging").isEqualTo(expected);
	}

	@Test
	void zoneSettingsMatchTheTopology() {
		Topology topology = Topology.read(DEFAULT_TOPOLOGY);
		Rendered staging = Rendered.of(Kustomize.STAGING);

		for (V1Deployment deployment : staging.deployments()) {
			Map<String, String> environment = staging.environment(deployment);
			String zone = labels(deployment).getOrDefault(Rendered.ZONE, "(no zone label)");
			if (zone.startsWith("gateway-")) {
				continue;
			}
			Map<String, Object> spec = topology.zone(zone);
			assertThat(environment.get("ZONEPAY_ZONE_CITY")).as("city of %s", zone).isEqualTo(spec.get("city"));
			assertThat(environment.get("ZONEPAY_ZONE_SHARD_GROUP")).as("shard group of %s", zone)
				.isEqualTo(spec.get("shard-group"));
			if ("RZONE".equals(spec.get("kind"))) {
				for (Map<String, Object> rzone : topology.rzones()) {
					String group = String.valueOf(rzone.get("shard-group")).toUpperCase();
					assertThat(environment.get("ZONEPAY_SHARDGROUPS_CATALOG_" + group + "_SHARDS"))
						.as("shards of %s in the shard group catalog of %s", group, Rendered.describe(deployment))
						.isEqualTo(String.valueOf(rzone.get("shards")));
				}
			}
		}
	}

	@Test
	void eachGatewaysWarRoomAddsTheOtherCitiesGateways() {
		Topology cluster = Topology.parse(topologyConfigMap().getData().get("topology.yml"));
		Rendered staging = Rendered.of(Kustomize.STAGING);

		for (V1Deployment deployment : staging.deployments()) {
			String zone = labels(deployment).getOrDefault(Rendered.ZONE, "(no zone label)");
			if (!zone.startsWith("gateway-")) {
				continue;
			}
			String city = zone.substring("gateway-".length());
			String others = cluster.cities()
				.stream()
				.filter(other -> !city.equals(other.get("id")))
				.map(other -> String.valueOf(other.get("gateway")))
				.collect(Collectors.joining(","));
			assertThat(staging.environment(deployment).get("ZONEPAY_GATEWAY_OPS_PEERS"))
				.as("the peers of %s: the other cities' gateways of the topology", zone)
				.isEqualTo(others);
		}
	}

	@Test
	void topologyConfigMapIsTheDefaultTopologyWithInClusterEndpoints() {
		Topology local = Topology.read(DEFAULT_TOPOLOGY);
		Topology cluster = Topology.parse(topologyConfigMap().getData().get("topology.yml"));

		assertThat(cluster.cityIds()).as("cities").isEqualTo(local.cityIds());
		assertThat(cluster.zonesWithoutEndpoints()).as("zones, cities, shards, shard groups and standbys")
			.isEqualTo(local.zonesWithoutEndpoints());
		assertThat(cluster.endpointNames()).as("endpoints each zone declares").isEqualTo(local.endpointNames());
	}

	@Test
	void topologyEndpointsAreServicesOfTheirZonesNamespaces() {
		Topology cluster = Topology.parse(topologyConfigMap().getData().get("topology.yml"));
		List<V1Service> services = Rendered.of(Kustomize.STAGING).services();

		assertThat(cluster.endpoints()).allSatisfy((unit, endpoints) -> assertThat(endpoints).allSatisfy(endpoint -> {
			String[] host = endpoint.getHost().split("\\.");
			assertThat(host).as("host of %s's endpoint %s: <service>.<namespace>.svc", unit, endpoint)
				.hasSize(3)
				.endsWith("svc");
			assertThat(host[1]).as("namespace of %s's endpoint %s", unit, endpoint).isEqualTo("zonepay-" + unit);
			assertThat(services).as("a Service %s in %s with port %s", host[0], host[1], endpoint.getPort())
				.anySatisfy(service -> {
					assertThat(service.getMetadata().getName()).isEqualTo(host[0]);
					assertThat(service.getMetadata().getNamespace()).isEqualTo(host[1]);
					assertThat(service.getSpec().getPorts()).extracting(V1ServicePort::getPort)
						.contains(endpoint.getPort());
				});
		}));
	}

	@Test
	void theGzonesStandbyReadsTheSameTopology() {
		assertThat(topologyConfigMap("gz-sh").getData()).isEqualTo(topologyConfigMap().getData());
	}

	private static V1ConfigMap topologyConfigMap() {
		return topologyConfigMap("gz");
	}

	private static V1ConfigMap topologyConfigMap(String zone) {
		List<V1ConfigMap> maps = Rendered.of(Kustomize.ZONES.resolve(zone))
			.all(V1ConfigMap.class)
			.stream()
			.filter(map -> map.getData() != null && map.getData().containsKey("topology.yml"))
			.toList();
		assertThat(maps).as("the GZone's topology ConfigMap").hasSize(1);
		return maps.getFirst();
	}

	/** A topology file, read as plain data. */
	record Topology(List<Map<String, Object>> cities, List<Map<String, Object>> zones) {

		@SuppressWarnings("unchecked")
		static Topology parse(String yaml) {
			Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
			Map<String, Object> topology = (Map<String, Object>) ((Map<String, Object>) root.get("zonepay"))
				.get("topology");
			return new Topology((List<Map<String, Object>>) topology.get("cities"),
					(List<Map<String, Object>>) topology.get("zones"));
		}

		static Topology read(Path file) {
			try {
				return parse(Files.readString(file));
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read the default topology " + file.toAbsolutePath().normalize(),
						ex);
			}
		}

		List<String> cityIds() {
			return cities.stream().map(city -> String.valueOf(city.get("id"))).toList();
		}

		/**
		 * What is deployed on its own: every zone, and a gateway per city, by name and
		 * kind.
		 */
		Map<String, String> deployableUnits() {
			Map<String, String> units = new LinkedHashMap<>();
			zones.forEach(zone -> units.put(String.valueOf(zone.get("id")), String.valueOf(zone.get("kind"))));
			cityIds().forEach(city -> units.put("gateway-" + city, "GATEWAY"));
			return units;
		}

		Map<String, Object> zone(String id) {
			return zones.stream()
				.filter(zone -> id.equals(zone.get("id")))
				.findFirst()
				.orElseThrow(() -> new AssertionError("the topology has no zone " + id));
		}

		List<Map<String, Object>> rzones() {
			return zones.stream().filter(zone -> "RZONE".equals(zone.get("kind"))).toList();
		}

		List<Map<String, Object>> zonesWithoutEndpoints() {
			return zones.stream().map(zone -> {
				Map<String, Object> copy = new LinkedHashMap<>(zone);
				copy.remove("endpoints");
				return copy;
			}).toList();
		}

		@SuppressWarnings("unchecked")
		Map<String, Set<String>> endpointNames() {
			Map<String, Set<String>> names = new LinkedHashMap<>();
			zones.forEach(zone -> names.put(String.valueOf(zone.get("id")),
					new TreeSet<>(((Map<String, Object>) zone.get("endpoints")).keySet())));
			return names;
		}

		/**
		 * Every URL a unit is reached at, zones' endpoints and cities' gateways, by unit.
		 */
		@SuppressWarnings("unchecked")
		Map<String, List<URI>> endpoints() {
			Map<String, List<URI>> endpoints = new LinkedHashMap<>();
			for (Map<String, Object> zone : zones) {
				List<URI> uris = new ArrayList<>();
				((Map<String, Object>) zone.get("endpoints")).values()
					.forEach(url -> uris.add(URI.create(String.valueOf(url))));
				endpoints.put(String.valueOf(zone.get("id")), uris);
			}
			cities.forEach(city -> endpoints.put("gateway-" + city.get("id"),
					List.of(URI.create(String.valueOf(Objects.requireNonNull(city.get("gateway")))))));
			return endpoints;
		}
	}

}
