package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneKind;

/**
 * The deployment files of a new cell, for the ways to run ZonePay that {@code zone add}
 * cannot reach: a Kubernetes overlay ({@code <zone>/kustomization.yaml},
 * {@code namespace.yaml}, in the form of {@code deploy/k8s/zones/rz1}) and a Compose
 * override ({@code docker-compose.<zone>.yml}) that adds the zone's three services.
 * Written from the topology as it is after the split, so node ids and global-data sources
 * follow the same rules as {@link ServiceArguments}.
 */
final class CellManifests {

	/** As docker-compose.yml starts every ZonePay container. */
	private static final String JAVA_OPTIONS = "-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC"
			+ " -XX:TieredStopAtLevel=1 -Xss512k -Dsun.net.inetaddr.ttl=5";

	private final Topology after;

	private final Topology.ZoneSpec cell;

	CellManifests(CellPlans.Move addition) {
		this.after = addition.after();
		this.cell = addition.taking();
	}

	/** Writes the overlay and the override under a directory; answers what it wrote. */
	List<Path> write(Path directory) {
		Path overlay = directory.resolve("k8s").resolve(cell.id().value());
		Path compose = directory.resolve("docker-compose." + cell.id() + ".yml");
		try {
			Files.createDirectories(overlay);
			Files.writeString(overlay.resolve("kustomization.yaml"), kustomization());
			Files.writeString(overlay.resolve("namespace.yaml"), namespace());
			Files.writeString(compose, compose());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the manifests of " + cell.id() + " under " + directory, ex);
		}
		return List.of(overlay.resolve("kustomization.yaml"), overlay.resolve("namespace.yaml"), compose);
	}

	String kustomization() {
		String zone = cell.id().value();
		String group = Objects.requireNonNull(cell.shardGroup()).value();
		return """
				# RZone %1$s in city %2$s: shards %3$s on shard group %4$s, added by a live split
				# (./zonepay zone manifests; docs/cells.md). Only its identity and node ids are set here;
				# the services are the bases', the environment says where PostgreSQL and Kafka are:
				# add ZONEPAY_POSTGRES_%5$s (the new group's server) to environment.env.
				apiVersion: kustomize.config.k8s.io/v1beta1
				kind: Kustomization
				namespace: zonepay-%1$s
				labels:
				  - pairs:
				      zonepay.io/zone: %1$s
				      zonepay.io/city: %2$s
				    includeSelectors: false
				    includeTemplates: true
				resources:
				  - namespace.yaml
				  - ../../base/account-service
				  - ../../base/order-service
				  - ../../base/payment-service
				components:
				  - ../../components/shard-groups
				configMapGenerator:
				  - name: zonepay-zone
				    literals:
				      - ZONEPAY_ZONE_ID=%1$s
				      - ZONEPAY_ZONE_CITY=%2$s
				      - ZONEPAY_ZONE_SHARD_GROUP=%4$s
				      # Global data: the city's CZone, then the other city's, then the GZone.
				      - ZONEPAY_GLOBAL_SOURCES=%6$s
				      # The zone's own shard group; ${ZONEPAY_SERVICE} names the service's database in it.
				      - SPRING_DATASOURCE_URL=jdbc:postgresql://${ZONEPAY_POSTGRES_%5$s}/%4$s_${ZONEPAY_SERVICE}
				  # Node ids: unique per process across the environment (ten per zone).
				  - name: account-service
				    behavior: merge
				    literals:
				      - ZONEPAY_IDS_NODE_ID=%7$d
				  - name: order-service
				    behavior: merge
				    literals:
				      - ZONEPAY_IDS_NODE_ID=%8$d
				  - name: payment-service
				    behavior: merge
				    literals:
				      - ZONEPAY_IDS_NODE_ID=%9$d
				""".formatted(zone, cell.city(), TopologyFile.ranges(Objects.requireNonNull(cell.shards())), group,
				group.toUpperCase(java.util.Locale.ROOT), globalSources("http://config-service.zonepay-%s.svc:8080"),
				nodeId(1), nodeId(2), nodeId(3));
	}

	String namespace() {
		return """
				# The zone's namespace: the unit that deploys, drains and deletes on its own. Pods here
				# must meet the restricted Pod
				# Security Standard.
				apiVersion: v1
				kind: Namespace
				metadata:
				  name: zonepay-%s
				  labels:
				    pod-security.kubernetes.io/enforce: restricted
				    pod-security.kubernetes.io/warn: restricted
				""".formatted(cell.id());
	}

	String compose() {
		String zone = cell.id().value();
		String group = Objects.requireNonNull(cell.shardGroup()).value();
		StringBuilder yaml = new StringBuilder("""
				# RZone %1$s (shard group %2$s), added by a live split (docs/cells.md; zone manifests):
				#   docker compose -f docker-compose.yml -f docker-compose.%1$s.yml up -d \\
				#     %1$s-account %1$s-order %1$s-payment
				# Self-contained (Compose shares no YAML anchors across files): docker-compose.yml's
				# demo values.
				services:
				""".formatted(zone, group));
		List<String> services = ServiceArguments.rzoneServices();
		for (int i = 0; i < services.size(); i++) {
			String service = services.get(i);
			yaml.append("""
					  %1$s-%2$s:
					    image: zonepay/%2$s-service:${ZONEPAY_TAG:-latest}
					    mem_limit: 512m
					    restart: unless-stopped
					    labels:
					      zonepay.io/zone: %1$s
					      zonepay.io/city: %3$s
					      app.kubernetes.io/name: %2$s-service
					    healthcheck:
					      test:
					        - CMD-SHELL
					        - curl -fsS -o /dev/null http://127.0.0.1:8180/actuator/health/readiness || exit 1
					      interval: 10s
					      timeout: 3s
					      retries: 3
					      start_period: 180s
					    environment:
					      SPRING_KAFKA_BOOTSTRAP_SERVERS: kafka:9092
					      JDK_JAVA_OPTIONS: %7$s
					      MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT: http://zipkin:9411/api/v2/spans
					      SPRING_DATASOURCE_USERNAME: postgres
					      SPRING_DATASOURCE_PASSWORD: zonepay-demo-only-password
					      ZONEPAY_IDENTITY_SIGNING_KEY: zonepay-compose-demo-only-caller-signing-key
					      ZONEPAY_SHARDGROUPS_URLTEMPLATE: jdbc:postgresql://postgres:5432/{group}_%2$s
					      ZONEPAY_ZONE_ID: %1$s
					      ZONEPAY_ZONE_CITY: %3$s
					      ZONEPAY_ZONE_SHARD_GROUP: %4$s
					      ZONEPAY_GLOBAL_SOURCES: %5$s
					      ZONEPAY_IDS_NODE_ID: "%6$d"
					      SPRING_DATASOURCE_URL: jdbc:postgresql://postgres:5432/%4$s_%2$s
					""".formatted(zone, service, cell.city(), group, globalSources("http://%s-config:8080"),
					nodeId(i + 1), JAVA_OPTIONS));
		}
		return yaml.toString();
	}

	/**
	 * The CZones of the cell's city first, then the other cities', then the GZone and its
	 * standby, as {@link ServiceArguments} orders them.
	 */
	private String globalSources(String pattern) {
		List<Topology.ZoneSpec> czones = after.zones().stream().filter(zone -> zone.kind() == ZoneKind.CZONE).toList();
		List<String> order = new java.util.ArrayList<>();
		czones.stream().filter(zone -> zone.city().equals(cell.city())).forEach(zone -> order.add(zone.id().value()));
		czones.stream().filter(zone -> !zone.city().equals(cell.city())).forEach(zone -> order.add(zone.id().value()));
		after.zones()
			.stream()
			.filter(zone -> zone.kind() == ZoneKind.GZONE)
			.forEach(zone -> order.add(zone.id().value()));
		return order.stream().map(pattern::formatted).collect(Collectors.joining(","));
	}

	/**
	 * Ten node ids per zone, by its place in the topology, as the local launcher numbers
	 * them.
	 */
	private int nodeId(int offset) {
		return 10 * (after.zones().indexOf(cell) + 1) + offset;
	}

}
