package io.zonepay.platform;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.zonepay.kernel.zone.CityId;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneKind;

import org.jspecify.annotations.Nullable;

/**
 * The settings that make one service of a topology a particular zone's: ports from the
 * topology's endpoints, a database per zone (or shard group) and service, a node id per
 * process, where to read the routing table. The local platform passes them to processes
 * and the end-to-end suite to in-JVM contexts, so both run the same setup.
 */
public final class ServiceArguments {

	/** The management port of every service is its port plus this. */
	public static final int MANAGEMENT_PORT_OFFSET = 100;

	private final Topology topology;

	private final LocalInfrastructure infrastructure;

	private final @Nullable Path topologyFile;

	public ServiceArguments(Topology topology, LocalInfrastructure infrastructure, @Nullable Path topologyFile) {
		this.topology = topology;
		this.infrastructure = infrastructure;
		this.topologyFile = topologyFile;
	}

	/**
	 * Settings of a service of a zone: {@code config} of the GZone or a CZone, or
	 * {@code account}, {@code order}, {@code payment} of an RZone.
	 */
	public Map<String, String> zoneService(Topology.ZoneSpec zone, String service) {
		URI endpoint = Objects.requireNonNull(zone.endpoints().get(service),
				() -> zone.id() + " declares no endpoint for " + service);
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("server.port", Integer.toString(endpoint.getPort()));
		settings.put("management.server.port", Integer.toString(endpoint.getPort() + MANAGEMENT_PORT_OFFSET));
		settings.put("spring.datasource.url", infrastructure.jdbcUrl(database(zone, service)));
		settings.put("spring.datasource.username", infrastructure.postgresUser());
		settings.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
		settings.put("zonepay.zone.id", zone.id().value());
		settings.put("zonepay.zone.city", zone.city().value());
		if (zone.shardGroup() != null) {
			settings.put("zonepay.zone.shard-group", zone.shardGroup().value());
		}
		settings.put("zonepay.ids.node-id", Integer.toString(nodeId(zone, service)));
		settings.putAll(traces());
		switch (zone.kind()) {
			case GZONE -> {
				if (!zone.id().equals(topology.gzone().id())) {
					// The standby in another city: follows the writer's log, promotes
					// itself when the writer is gone.
					settings.put("spring.profiles.active", "standby");
					settings.put("zonepay.replication.gzone", gzoneConfigEndpoint().toString());
				}
				if (topologyFile != null) {
					settings.put("zonepay.topology.location", "file:" + topologyFile.toAbsolutePath());
				}
				// One machine starts every service of the platform, all at once on a few
				// cores (./zonepay up) or one after another
				// (the end-to-end suite), and that can outlast the production grace of
				// two minutes (docker-compose.yml gives the
				// same five). A zone this GZone has never seen answer is still starting,
				// not dead: failing it over would hand its
				// shards away before it began.
				settings.put("zonepay.supervisor.startup-grace", "5m");
			}
			case CZONE -> {
				settings.put("spring.profiles.active", "czone");
				settings.put("zonepay.replication.gzone", sources(gzoneConfigEndpoints()));
			}
			case RZONE -> {
				settings.put("zonepay.global.sources", sources(globalDataOf(zone.city())));
				settings.putAll(shardGroupCatalog(service));
			}
		}
		return settings;
	}

	/**
	 * Every shard group of the topology and where this service's database of it is: a
	 * zone adopts another's shard group when it takes that zone's shards over.
	 */
	private Map<String, String> shardGroupCatalog(String service) {
		Map<String, String> catalog = new LinkedHashMap<>();
		for (Topology.ZoneSpec rzone : topology.rzones()) {
			String prefix = "zonepay.shard-groups.catalog." + Objects.requireNonNull(rzone.shardGroup()).value() + ".";
			catalog.put(prefix + "shards",
					String.join(",",
							Objects.requireNonNull(rzone.shards())
								.shards()
								.stream()
								.map(shard -> Integer.toString(shard.value()))
								.toList()));
			catalog.put(prefix + "url", infrastructure.jdbcUrl(database(rzone, service)));
		}
		// A group a live split makes after this service started (./zonepay zone add).
		catalog.put("zonepay.shard-groups.url-template", infrastructure.jdbcUrl("{group}_" + service));
		return catalog;
	}

	/** Settings of a city's gateway. */
	public Map<String, String> gateway(Topology.City city) {
		URI endpoint = Objects.requireNonNull(city.gateway(), () -> "city " + city.id() + " declares no gateway");
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("server.port", Integer.toString(endpoint.getPort()));
		settings.put("management.server.port", Integer.toString(endpoint.getPort() + MANAGEMENT_PORT_OFFSET));
		settings.put("zonepay.gateway.city", city.id().value());
		settings.put("zonepay.global.sources", sources(globalDataOf(city.id())));
		// The local platform is for trying ZonePay out: anyone may get a token.
		settings.put("zonepay.gateway.tokens.dev-issuer", "true");
		// Each gateway sees only the traffic it forwards: its war room adds the other
		// cities'.
		List<URI> peers = topology.cities()
			.stream()
			.filter(other -> !other.id().equals(city.id()) && other.gateway() != null)
			.map(Topology.City::gateway)
			.toList();
		if (!peers.isEmpty()) {
			settings.put("zonepay.gateway.ops.peers", sources(peers));
		}
		settings.putAll(traces());
		return settings;
	}

	/**
	 * Where traces go, if the platform runs a trace backend: without one a service
	 * records none.
	 */
	private Map<String, String> traces() {
		String endpoint = infrastructure.traceEndpoint();
		return endpoint == null ? Map.of() : Map.of("management.tracing.export.zipkin.endpoint", endpoint);
	}

	/** The services an RZone runs, in the order they start. */
	public static List<String> rzoneServices() {
		return List.of("account", "order", "payment");
	}

	/**
	 * One database per shard group and service for RZones, per zone and service
	 * otherwise: {@code sg1_account}, {@code gz_config}.
	 */
	public static String database(Topology.ZoneSpec zone, String service) {
		String owner = zone.shardGroup() != null ? zone.shardGroup().value() : zone.id().value();
		return (owner + "_" + service).replace('-', '_');
	}

	/**
	 * Every process that generates ids gets its own node id: ten per zone, by its place
	 * in the topology.
	 */
	int nodeId(Topology.ZoneSpec zone, String service) {
		int offset = switch (service) {
			case "config" -> 0;
			case "account" -> 1;
			case "order" -> 2;
			case "payment" -> 3;
			default -> throw new IllegalArgumentException("unknown service " + service);
		};
		return 10 * (topology.zones().indexOf(zone) + 1) + offset;
	}

	/**
	 * Where a city reads global data, in order: its CZones, then the other cities' (a
	 * city outlives its CZone), then the GZone and its standby (which every CZone falls
	 * back to as well).
	 */
	List<URI> globalDataOf(CityId city) {
		List<URI> sources = new ArrayList<>();
		List<Topology.ZoneSpec> czones = topology.zones()
			.stream()
			.filter(zone -> zone.kind() == ZoneKind.CZONE)
			.toList();
		czones.stream()
			.filter(zone -> zone.city().equals(city))
			.forEach(zone -> sources.add(zone.endpoints().get("config")));
		czones.stream()
			.filter(zone -> !zone.city().equals(city))
			.forEach(zone -> sources.add(zone.endpoints().get("config")));
		sources.addAll(gzoneConfigEndpoints());
		return sources;
	}

	private static String sources(List<URI> sources) {
		return String.join(",", sources.stream().map(URI::toString).toList());
	}

	private URI gzoneConfigEndpoint() {
		return configEndpoint(topology.gzone());
	}

	/** The GZone's config endpoint, then its standby's. */
	private List<URI> gzoneConfigEndpoints() {
		List<URI> endpoints = new ArrayList<>(List.of(gzoneConfigEndpoint()));
		topology.gzoneStandby().map(ServiceArguments::configEndpoint).ifPresent(endpoints::add);
		return endpoints;
	}

	private static URI configEndpoint(Topology.ZoneSpec zone) {
		return Objects.requireNonNull(zone.endpoints().get("config"),
				() -> "GZone " + zone.id() + " declares no config endpoint");
	}

	/** Settings as command-line arguments. */
	public static String[] asArguments(Map<String, String> settings) {
		return settings.entrySet()
			.stream()
			.map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

}
