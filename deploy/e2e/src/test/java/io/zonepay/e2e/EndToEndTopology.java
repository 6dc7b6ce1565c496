package io.zonepay.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonepay.account.AccountServiceApplication;
import io.zonepay.config.ConfigServiceApplication;
import io.zonepay.gateway.GatewayApplication;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.platform.LocalInfrastructure;
import io.zonepay.platform.ServiceArguments;
import io.zonepay.platform.TopologyFile;
import io.zonepay.testkit.SharedKafka;
import io.zonepay.testkit.SharedPostgres;
import org.slf4j.MDC;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * A three-RZone, two-city ZonePay in this JVM: the GZone, rz1 and rz2 in {@code hz}, rz3 in {@code sh}, and a
 * gateway per city, each service in its own Spring context on its own ports and databases, set up with the same
 * {@link ServiceArguments} the local platform uses. Started once per test JVM and shared by every suite.
 */
final class EndToEndTopology {

	/**
	 * What the services bring onto the shared classpath and a gateway must not pick up: it runs on Netty and has no
	 * database. In its own process none of this is on its classpath.
	 */
	private static final String GATEWAY_EXCLUSIONS = String.join(",",
			"org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.actuate.web.server.TomcatReactiveManagementContextAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");

	private static volatile EndToEndTopology started;

	private final Topology topology;

	private final Map<String, URI> gateways = new HashMap<>();

	private final Map<String, String> accountDatabases = new HashMap<>();

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private EndToEndTopology(Path file) {
		this.topology = TopologyFile.read(file);
		LocalInfrastructure infrastructure = new LocalInfrastructure(SharedPostgres.serverUrl(), SharedPostgres.user(), SharedKafka.bootstrapServers());
		ServiceArguments arguments = new ServiceArguments(topology, infrastructure, file);
		// The GZone first: the CZones bootstrap from its snapshot.
		for (ZoneKind kind : List.of(ZoneKind.GZONE, ZoneKind.CZONE)) {
			for (Topology.ZoneSpec zone : topology.zones().stream().filter(zone -> zone.kind() == kind).toList()) {
				SharedPostgres.createDatabaseNamed(ServiceArguments.database(zone, "config"));
				start(zone.id().value(), "config-service", ConfigServiceApplication.application(), arguments.zoneService(zone, "config"));
			}
		}
		for (Topology.ZoneSpec zone : topology.rzones()) {
			String database = ServiceArguments.database(zone, "account");
			accountDatabases.put(zone.id().value(), SharedPostgres.createDatabaseNamed(database));
			start(zone.id().value(), "account-service", AccountServiceApplication.application(), arguments.zoneService(zone, "account"));
		}
		for (Topology.City city : topology.cities()) {
			Map<String, String> settings = new HashMap<>(arguments.gateway(city));
			settings.put("spring.autoconfigure.exclude", GATEWAY_EXCLUSIONS);
			start("gw-" + city.id(), "gateway", GatewayApplication.application(), settings);
			gateways.put(city.id().value(), city.gateway());
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> contexts.reversed().forEach(ConfigurableApplicationContext::close), "e2e-topology-shutdown"));
	}

	static EndToEndTopology get() {
		EndToEndTopology topology = started;
		if (topology == null) {
			synchronized (EndToEndTopology.class) {
				topology = started;
				if (topology == null) {
					topology = new EndToEndTopology(writeTopology());
					topology.awaitReady();
					started = topology;
				}
			}
		}
		return topology;
	}

	URI gateway(String city) {
		return gateways.get(city);
	}

	/** The base URL of a zone's service, for calls that bypass the gateway on purpose. */
	URI endpoint(String zone, String service) {
		return topology.zones().stream().filter(spec -> spec.id().value().equals(zone)).findFirst().orElseThrow().endpoints().get(service);
	}

	String accountDatabase(String zone) {
		return accountDatabases.get(zone);
	}

	/** The management base URL of a zone's service. */
	URI management(String zone, String service) {
		URI endpoint = endpoint(zone, service);
		return URI.create("http://127.0.0.1:" + (endpoint.getPort() + ServiceArguments.MANAGEMENT_PORT_OFFSET));
	}

	List<String> rzones() {
		return topology.rzones().stream().map(zone -> zone.id().value()).toList();
	}

	private void start(String zone, String service, SpringApplication application, Map<String, String> settings) {
		MDC.put("zone", zone);
		MDC.put("service", service);
		contexts.add(application.run(ServiceArguments.asArguments(settings)));
	}

	/** Every service and gateway has read the routing table. */
	private void awaitReady() {
		List<Integer> managementPorts = new ArrayList<>();
		topology.zones().forEach(zone -> zone.endpoints().values().forEach(uri -> managementPorts.add(uri.getPort() + ServiceArguments.MANAGEMENT_PORT_OFFSET)));
		topology.cities().forEach(city -> managementPorts.add(city.gateway().getPort() + ServiceArguments.MANAGEMENT_PORT_OFFSET));
		Http http = new Http();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> managementPorts.stream()
			.allMatch(port -> http.get(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), null).status() == 200));
	}

	/** The GZone and a CZone per city; rz1 and rz2 in hz, rz3 in sh, a third of the shards each. */
	private static Path writeTopology() {
		FreePorts ports = new FreePorts();
		String yaml = """
				zonepay:
				  topology:
				    cities:
				      - id: hz
				        gateway: http://127.0.0.1:%d
				      - id: sh
				        gateway: http://127.0.0.1:%d
				    zones:
				      - id: gz
				        kind: GZONE
				        city: hz
				        endpoints:
				          config: http://127.0.0.1:%d
				      - id: cz-hz
				        kind: CZONE
				        city: hz
				        endpoints:
				          config: http://127.0.0.1:%d
				      - id: cz-sh
				        kind: CZONE
				        city: sh
				        endpoints:
				          config: http://127.0.0.1:%d
				      - id: rz1
				        kind: RZONE
				        city: hz
				        shards: 0-33
				        shard-group: sg1
				        standby: rz2
				        endpoints:
				          account: http://127.0.0.1:%d
				      - id: rz2
				        kind: RZONE
				        city: hz
				        shards: 34-66
				        shard-group: sg2
				        standby: rz1
				        endpoints:
				          account: http://127.0.0.1:%d
				      - id: rz3
				        kind: RZONE
				        city: sh
				        shards: 67-99
				        shard-group: sg3
				        standby: rz2
				        endpoints:
				          account: http://127.0.0.1:%d
				""".formatted(ports.next(), ports.next(), ports.next(), ports.next(), ports.next(), ports.next(), ports.next(), ports.next());
		try {
			Path file = Files.createTempFile("zonepay-e2e-topology", ".yml");
			Files.writeString(file, yaml);
			file.toFile().deleteOnExit();
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
