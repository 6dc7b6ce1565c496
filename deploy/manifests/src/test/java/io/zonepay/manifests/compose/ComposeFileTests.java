package io.zonepay.manifests.compose;

import java.net.URI;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static io.zonepay.manifests.compose.ComposeFile.CITY;
import static io.zonepay.manifests.compose.ComposeFile.NAME;
import static io.zonepay.manifests.compose.ComposeFile.ZONE;
import static io.zonepay.manifests.compose.ComposeFile.environment;
import static io.zonepay.manifests.compose.ComposeFile.labels;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml runs the default topology (config-service's topology/local.yml) and
 * nothing else, every container is health-checked, memory-limited and started after what
 * it needs, and Compose itself accepts the file.
 */
class ComposeFileTests {

	private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "prometheus", "grafana", "zipkin");

	private static final Pattern DATABASE = Pattern.compile("^jdbc:postgresql://postgres:5432/(\\w+)$");

	private final ComposeFile compose = ComposeFile.read(Repository.COMPOSE_FILE);

	private final TopologyFile topology = TopologyFile.read(Repository.DEFAULT_TOPOLOGY);

	private final TopologyFile composeTopology = TopologyFile.read(Repository.COMPOSE_TOPOLOGY);

	@Test
	void runsEveryZoneServiceOfTheDefaultTopologyAndAGatewayPerCity() {
		assertThat(compose.zonePayServices().keySet()).as("ZonePay services of docker-compose.yml (labelled %s)", ZONE)
			.containsExactlyInAnyOrderElementsOf(expectedServices().keySet());
		assertThat(compose.services().keySet()).as("services of docker-compose.yml")
			.containsExactlyInAnyOrderElementsOf(union(expectedServices().keySet(), INFRASTRUCTURE));
	}

	@Test
	void composeTopologyHasTheDefaultTopologysZonesWithContainerEndpoints() {
		assertThat(composeTopology.cityIds()).as("cities of deploy/compose/topology.yml").isEqualTo(topology.cityIds());
		assertThat(composeTopology.zonesWithoutAddresses())
			.as("zones, kinds, cities, shards, shard groups and standbys of deploy/compose/topology.yml")
			.isEqualTo(topology.zonesWithoutAddresses());
		for (Map<String, Object> zone : composeTopology.zones()) {
			TopologyFile.endpoints(zone)
				.forEach((service, endpoint) -> assertThat(endpoint)
					.as("%s's %s endpoint: a compose service on port 8080 (its management port, 8180, is port + 100)",
							zone.get("id"), service)
					.isEqualTo(URI.create("http://" + serviceName(zone, service) + ":8080")));
		}
		for (Map<String, Object> city : composeTopology.cities()) {
			assertThat(city.get("gateway")).as("gateway of city %s", city.get("id"))
				.isEqualTo("http://gateway-" + city.get("id") + ":8080");
		}
	}

	@Test
	void everyZoneServiceRunsTheZoneItIsLabelledWith() {
		expectedServices().forEach((name, zone) -> {
			Map<String, Object> service = compose.services().get(name);
			Map<String, String> labels = labels(service);
			Map<String, String> environment = environment(service);
			String image = imageOf(name);
			assertThat(labels).as("labels of %s", name)
				.containsEntry(ZONE, zone.isEmpty() ? name : (String) zone.get("id"))
				.containsEntry(NAME, image)
				.containsKey(CITY);
			assertThat(service.get("image")).as("image of %s", name)
				.isEqualTo("zonepay/" + image + ":${ZONEPAY_TAG:-latest}");
			assertThat(Repository.map(Repository.map(service.get("build"), "build of " + name).get("args"),
					"build args of " + name))
				.as("build args of %s: the Maven module its image is built from", name)
				.containsEntry("SERVICE", image);
			if (zone.isEmpty()) {
				String city = labels.get(CITY);
				assertThat(name).as("a gateway is named after its city label").isEqualTo("gateway-" + city);
				assertThat(environment).as("environment of %s", name)
					.containsEntry("ZONEPAY_GATEWAY_CITY", city)
					.containsEntry("ZONEPAY_GLOBAL_SOURCES", composeSourcesOf(city))
					.as("the other cities' gateways, whose traffic its war room adds")
					.containsEntry("ZONEPAY_GATEWAY_OPS_PEERS", otherGateways(city));
				return;
			}
			assertThat(environment).as("environment of %s", name)
				.containsEntry("ZONEPAY_ZONE_ID", labels.get(ZONE))
				.containsEntry("ZONEPAY_ZONE_CITY", (String) zone.get("city"))
				.containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/" + database(zone, name))
				.containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
			assertThat(labels.get(CITY)).as("city label of %s", name).isEqualTo(zone.get("city"));
			switch ((String) zone.get("kind")) {
				case "GZONE" -> {
					assertThat(environment).as("environment of %s", name)
						.containsEntry("ZONEPAY_TOPOLOGY_LOCATION", "file:/etc/zonepay/topology.yml");
					Map<String, Object> writer = composeTopology.zonesOfKind("GZONE").getFirst();
					if (zone.get("id").equals(writer.get("id"))) {
						assertThat(environment).as("environment of %s", name)
							.doesNotContainKey("SPRING_PROFILES_ACTIVE");
					}
					else {
						assertThat(environment).as("environment of the standby %s", name)
							.containsEntry("SPRING_PROFILES_ACTIVE", "standby")
							.containsEntry("ZONEPAY_REPLICATION_GZONE",
									TopologyFile.endpoints(writer).get("config").toString());
					}
				}
				case "CZONE" -> assertThat(environment).as("environment of %s", name)
					.containsEntry("SPRING_PROFILES_ACTIVE", "czone")
					.containsEntry("ZONEPAY_REPLICATION_GZONE", composeTopology.gzoneConfigs());
				default -> assertThat(environment).as("environment of %s", name)
					.containsEntry("ZONEPAY_ZONE_SHARD_GROUP", (String) zone.get("shard-group"))
					.containsEntry("ZONEPAY_GLOBAL_SOURCES", composeSourcesOf((String) zone.get("city")))
					.containsAllEntriesOf(shardGroupCatalog(name));
			}
		});
	}

	@Test
	void everyIdGeneratingServiceHasItsOwnNodeId() {
		List<String> nodeIds = compose.zonePayServices()
			.values()
			.stream()
			.map(service -> environment(service).get("ZONEPAY_IDS_NODE_ID"))
			.filter(nodeId -> nodeId != null)
			.toList();
		assertThat(nodeIds).as("ZONEPAY_IDS_NODE_ID of every zone service")
			.hasSize(expectedServices().size() - topology.cities().size())
			.doesNotHaveDuplicates();
	}

	@Test
	void everyContainerIsHealthCheckedAndMemoryLimited() {
		compose.services().forEach((name, service) -> {
			assertThat(service).as("%s declares a healthcheck (so that others can wait for it to be healthy)", name)
				.containsKey("healthcheck");
			Map<String, Object> healthcheck = Repository.map(service.get("healthcheck"), "healthcheck of " + name);
			assertThat(healthcheck.get("disable")).as("%s's healthcheck is disabled", name).isNotEqualTo(true);
			assertThat(String.valueOf(healthcheck.get("test"))).as("%s's healthcheck test", name)
				.doesNotContain("NONE");
			assertThat(memoryLimit(service))
				.as("%s has a memory limit (mem_limit or deploy.resources.limits.memory)", name)
				.isNotNull();
		});
		compose.zonePayServices()
			.forEach((name,
					service) -> assertThat(String.valueOf(Repository.map(service.get("healthcheck"), name).get("test")))
						.as("%s's healthcheck asks for readiness on the management port", name)
						.contains("http://127.0.0.1:8180/actuator/health/readiness"));
	}

	@Test
	void publishesPortsOnThisMachineOnly() {
		compose.services().forEach((name, service) -> {
			Object ports = service.getOrDefault("ports", List.of());
			assertThat((List<?>) ports)
				.as("%s's published ports: on 127.0.0.1 only, for the demo issues tokens to anyone who asks", name)
				.allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
		});
	}

	@Test
	void everyZonePayServiceSendsItsTracesToAZipkinBuiltHereFromTheProjectsVersion() {
		compose.zonePayServices()
			.forEach((name, service) -> assertThat(environment(service)).as("environment of %s", name)
				.containsEntry("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", "http://zipkin:9411/api/v2/spans"));
		Map<String, Object> zipkin = compose.services().get("zipkin");
		assertThat(Repository.map(zipkin.get("build"), "build of zipkin"))
			.as("zipkin is built, not pulled: no registry is needed")
			.containsEntry("context", ".")
			.containsEntry("dockerfile", "deploy/compose/zipkin/Dockerfile");
		assertThat(zipkin.get("ports")).as("Zipkin's UI").isEqualTo(List.of("127.0.0.1:9411:9411"));
		String dockerfile = Repository.read(Repository.ROOT.resolve("deploy/compose/zipkin/Dockerfile"));
		assertThat(dockerfile).as("the zipkin image: Zipkin's server jar at the root pom.xml's version")
			.contains("<zipkin-server.version>", "io.zipkin:zipkin-server:${version}:jar:exec");
		assertThat(Repository.read(Repository.ROOT.resolve("pom.xml")))
			.containsPattern("<zipkin-server.version>[^<]+</zipkin-server.version>");
		assertThat(dockerfile.lines().filter(line -> line.startsWith("ARG J")).toList())
			.as("the zipkin image's base images: the services' own")
			.isEqualTo(
					Repository.read(Repository.DOCKERFILE).lines().filter(line -> line.startsWith("ARG J")).toList());
	}

	@Test
	void runsKafkaOnTheProjectsKafkaVersion() {
		Matcher version = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>")
			.matcher(Repository.read(Repository.ROOT.resolve("pom.xml")));
		assertThat(version.find()).as("the root pom.xml names kafka.version").isTrue();
		assertThat(compose.services().get("kafka").get("image"))
			.as("the broker's image: the version of the clients and of ./zonepay up's broker")
			.isEqualTo("apache/kafka:" + version.group(1));
	}

	@Test
	void everyContainerStartsOnlyOnceWhatItNeedsIsHealthy() {
		compose.services().forEach((name, service) -> dependencies(name, service).forEach((dependency, condition) -> {
			assertThat(compose.services()).as("%s depends on %s, which is no service", name, dependency)
				.containsKey(dependency);
			assertThat(condition).as("%s waits for %s with condition", name, dependency).isEqualTo("service_healthy");
		}));
		expectedServices().forEach((name, zone) -> {
			Set<String> needs = dependencies(name, compose.services().get(name)).keySet();
			if (zone.isEmpty()) {
				assertThat(needs)
					.as("a gateway starts once its city's CZone and every RZone's payment service are healthy")
					.containsAll(composeTopology.zonesOfKind("RZONE")
						.stream()
						.map(rzone -> rzone.get("id") + "-payment")
						.toList())
					.contains(serviceName(composeTopology.zonesOfKind("CZONE")
						.stream()
						.filter(czone -> czone.get("city").equals(labels(compose.services().get(name)).get(CITY)))
						.findFirst()
						.orElseThrow(), "config"));
				return;
			}
			assertThat(needs).as("%s depends on", name).contains("postgres", "kafka");
			switch ((String) zone.get("kind")) {
				case "CZONE" -> assertThat(needs).as("a CZone bootstraps from the GZone: %s depends on", name)
					.contains("gz-config");
				case "RZONE" -> assertThat(needs)
					.as("an RZone service reads global data from its city's CZone: %s depends on", name)
					.contains(URI.create(composeTopology.globalDataOf((String) zone.get("city")).toString()).getHost());
				default -> {
				}
			}
		});
	}

	@Test
	void dataLivesInNamedVolumesAndOnlyConfigurationIsMountedFromTheRepository() {
		compose.services().forEach((name, service) -> {
			Object volumes = service.get("volumes");
			for (Object volume : volumes == null ? List.of() : Repository.list(volumes, "volumes of " + name)) {
				String[] parts = String.valueOf(volume).split(":");
				assertThat(parts.length).as("%s mounts %s as source:target[:mode]", name, volume).isBetween(2, 3);
				if (parts[0].startsWith(".") || parts[0].startsWith("/")) {
					assertThat(Repository.ROOT.resolve(parts[0]).normalize())
						.as("%s mounts a file of the repository", name)
						.exists();
					assertThat(parts).as("%s mounts %s read-only", name, parts[0]).hasSize(3).endsWith("ro");
				}
				else {
					assertThat(compose.namedVolumes())
						.as("%s's volume %s is a named volume declared under volumes", name, parts[0])
						.contains(parts[0]);
				}
			}
		});
	}

	@Test
	void postgresCreatesExactlyTheDatabasesTheServicesUse() {
		Set<String> used = new TreeSet<>();
		compose.zonePayServices().values().forEach(service -> environment(service).forEach((key, value) -> {
			Matcher database = DATABASE.matcher(value);
			if (key.endsWith("URL") && database.matches()) {
				used.add(database.group(1));
			}
		}));
		Set<String> created = new TreeSet<>();
		Matcher create = Pattern.compile("(?im)^create database (\\w+);")
			.matcher(Repository.read(Repository.ROOT.resolve("deploy/compose/postgres/create-databases.sql")));
		while (create.find()) {
			created.add(create.group(1));
		}
		assertThat(created).as("databases deploy/compose/postgres/create-databases.sql creates").isEqualTo(used);
	}

	@Test
	void credentialsInTheFileAreMarkedDemoValues() {
		compose.services().forEach((name, service) -> environment(service).forEach((key, value) -> {
			if (key.matches(".*(PASSWORD|SECRET|_KEY)$")) {
				assertThat(value)
					.as("%s's %s: the only credentials in docker-compose.yml are demo values that say so", name, key)
					.containsIgnoringCase("demo");
			}
		}));
	}

	@Test
	void prometheusScrapesEveryZoneServiceOnItsManagementPort() {
		Map<String, String> targets = new LinkedHashMap<>();
		for (Object job : Repository.list(Repository.yaml(Repository.PROMETHEUS).get("scrape_configs"),
				"scrape_configs")) {
			Map<String, Object> scrape = Repository.map(job, "scrape config");
			for (Object config : Repository.list(scrape.get("static_configs"), "static_configs")) {
				Map<String, Object> staticConfig = Repository.map(config, "static config");
				Object labels = staticConfig.get("labels");
				String zone = labels == null ? ""
						: String.valueOf(Repository.map(labels, "labels").get("zonepay_zone"));
				Repository.list(staticConfig.get("targets"), "targets")
					.forEach(target -> targets.put(String.valueOf(target), zone));
				if (!"prometheus".equals(scrape.get("job_name"))) {
					assertThat(scrape.get("metrics_path")).as("metrics path of job %s", scrape.get("job_name"))
						.isEqualTo("/actuator/prometheus");
				}
			}
		}
		compose.zonePayServices()
			.forEach((name, service) -> assertThat(targets).as("Prometheus targets")
				.containsEntry(name + ":8180", labels(service).get(ZONE)));
	}

	@Test
	void grafanaShowsTheProvisionedDashboardFromTheProvisionedPrometheus() {
		String datasources = Repository.read(Repository.GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
		String dashboard = Repository.read(Repository.GRAFANA.resolve("dashboards/zonepay.json"));
		assertThat(datasources).contains("uid: zonepay-prometheus", "url: http://prometheus:9090");
		assertThat(dashboard).as("the ZonePay dashboard")
			.contains("\"uid\": \"zonepay-prometheus\"")
			.contains("zonepay_zone_health", "http_server_requests_seconds_count",
					"http_server_requests_seconds_bucket", "status=~\\\"5..\\\"", "zonepay_czone_staleness_seconds",
					"zonepay_routing_epoch", "resilience4j_circuitbreaker_state",
					"kafka_consumer_fetch_manager_records_lag_max", "zonepay_gateway_zone_water_level");
		assertThat(Files.exists(Repository.GRAFANA.resolve("provisioning/dashboards/zonepay.yml")))
			.as("dashboard provider")
			.isTrue();
	}

	@Test
	void dockerComposeAcceptsTheFile() {
		List<String> dockerCompose = DockerCompose.required();

		DockerCompose.Result result = DockerCompose.validate(dockerCompose, Repository.COMPOSE_FILE);

		assertThat(result.exitCode())
			.as("%s config -q on docker-compose.yml said:%n%s", String.join(" ", dockerCompose), result.output())
			.isZero();
	}

	/**
	 * Every ZonePay compose service the default topology asks for, with its zone (empty
	 * for a city's gateway).
	 */
	private Map<String, Map<String, Object>> expectedServices() {
		Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
		for (Map<String, Object> zone : topology.zones()) {
			TopologyFile.endpoints(zone).keySet().forEach(service -> expected.put(serviceName(zone, service), zone));
			if ("CZONE".equals(zone.get("kind"))) {
				// Each city runs its CZone twice, on one database.
				expected.put(serviceName(zone, "config") + SECOND_INSTANCE, zone);
			}
		}
		topology.cityIds().forEach(city -> expected.put("gateway-" + city, Map.of()));
		return expected;
	}

	/** The suffix of a city's second CZone instance: {@code cz-hz-config-2}. */
	private static final String SECOND_INSTANCE = "-2";

	/** The service a container runs: a second instance runs its first's. */
	private static String firstInstance(String serviceName) {
		return serviceName.endsWith(SECOND_INSTANCE)
				? serviceName.substring(0, serviceName.length() - SECOND_INSTANCE.length()) : serviceName;
	}

	/**
	 * Where a city reads global data in compose: each CZone's two instances in turn, then
	 * the GZones.
	 */
	private String otherGateways(String city) {
		return String.join(",",
				composeTopology.cities()
					.stream()
					.filter(other -> !city.equals(other.get("id")))
					.map(other -> String.valueOf(other.get("gateway")))
					.toList());
	}

	private String composeSourcesOf(String city) {
		return String.join(",",
				java.util.Arrays.stream(composeTopology.globalDataSourcesOf(city).split(","))
					.flatMap(source -> source.contains("cz-")
							? java.util.stream.Stream.of(source, source.replace(":8080", SECOND_INSTANCE + ":8080"))
							: java.util.stream.Stream.of(source))
					.toList());
	}

	/**
	 * {@code gz-config}, {@code cz-hz-config}, {@code rz1-account}: the zone, then the
	 * service.
	 */
	private static String serviceName(Map<String, Object> zone, String service) {
		return zone.get("id") + "-" + service;
	}

	private static String imageOf(String serviceName) {
		String service = firstInstance(serviceName);
		return service.startsWith("gateway-") ? "gateway"
				: service.substring(service.lastIndexOf('-') + 1) + "-service";
	}

	/**
	 * As ./zonepay up names them: per shard group and service for RZones, per zone and
	 * service otherwise.
	 */
	private static String database(Map<String, Object> zone, String serviceName) {
		Object owner = zone.containsKey("shard-group") ? zone.get("shard-group") : zone.get("id");
		String service = firstInstance(serviceName);
		return (owner + "_" + service.substring(service.lastIndexOf('-') + 1)).replace('-', '_');
	}

	/**
	 * Every shard group of the topology, where an RZone service may adopt it: its shards
	 * and this service's database.
	 */
	private Map<String, String> shardGroupCatalog(String serviceName) {
		Map<String, String> catalog = new LinkedHashMap<>();
		for (Map<String, Object> rzone : topology.zonesOfKind("RZONE")) {
			String prefix = "ZONEPAY_SHARDGROUPS_CATALOG_" + String.valueOf(rzone.get("shard-group")).toUpperCase()
					+ "_";
			catalog.put(prefix + "SHARDS", String.valueOf(rzone.get("shards")));
			catalog.put(prefix + "URL", "jdbc:postgresql://postgres:5432/" + database(rzone, serviceName));
		}
		return catalog;
	}

	private static Map<String, String> dependencies(String name, Map<String, Object> service) {
		Map<String, String> dependencies = new LinkedHashMap<>();
		Object dependsOn = service.get("depends_on");
		if (dependsOn == null) {
			return dependencies;
		}
		if (dependsOn instanceof List<?> list) {
			list.forEach(dependency -> dependencies.put(String.valueOf(dependency), "service_started"));
			return dependencies;
		}
		Repository.map(dependsOn, "depends_on of " + name)
			.forEach((dependency, condition) -> dependencies.put(dependency,
					String.valueOf(Repository.map(condition, name + " depends on " + dependency).get("condition"))));
		return dependencies;
	}

	private static Object memoryLimit(Map<String, Object> service) {
		if (service.get("mem_limit") != null) {
			return service.get("mem_limit");
		}
		if (service.get("deploy") instanceof Map<?, ?> deploy && deploy.get("resources") instanceof Map<?, ?> resources
				&& resources.get("limits") instanceof Map<?, ?> limits) {
			return limits.get("memory");
		}
		return null;
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new HashSet<>(first);
		union.addAll(second);
		return union;
	}

}
