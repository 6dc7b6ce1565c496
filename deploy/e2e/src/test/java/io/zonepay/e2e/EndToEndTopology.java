package io.zonepay.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.zonepay.account.AccountServiceApplication;
import io.zonepay.config.ConfigServiceApplication;
import io.zonepay.gateway.GatewayApplication;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.Topology;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.kernel.zone.ZoneKind;
import io.zonepay.order.OrderServiceApplication;
import io.zonepay.payment.PaymentServiceApplication;
import io.zonepay.platform.LocalInfrastructure;
import io.zonepay.platform.ServiceArguments;
import io.zonepay.platform.TopologyFile;
import io.zonepay.testkit.SharedKafka;
import io.zonepay.testkit.SharedPostgres;
import org.slf4j.MDC;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

import static org.awaitility.Awaitility.await;

/**
 * A three-RZone, two-city ZonePay in this JVM: the GZone and its standby, a CZone per
 * city, rz1 and rz2 in {@code hz}, rz3 in {@code sh}, each with its account, order and
 * payment services, and a gateway per city. Every service runs in its own Spring context
 * on its own ports and databases, set up with the same {@link ServiceArguments} the local
 * platform uses. Started once per test JVM and shared by every suite.
 */
final class EndToEndTopology {

	/**
	 * What the services bring onto the shared classpath and a gateway must not pick up:
	 * it runs on Netty and has no database. In its own process none of this is on its
	 * classpath.
	 */
	private static final String GATEWAY_EXCLUSIONS = String.join(",",
			"org.springframework.boot.tomcat.autoconfigure.reactive.TomcatReactiveWebServerAutoConfiguration",
			"org.springframework.boot.tomcat.autoconfigure.actuate.web.server."
					+ "TomcatReactiveManagementContextAutoConfiguration",
			"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");

	private static volatile EndToEndTopology started;

	private static RuntimeException failedToStart;

	private final Topology topology;

	private final ServiceArguments arguments;

	private final Map<String, URI> gateways = new HashMap<>();

	private final Map<String, String> databases = new HashMap<>();

	private final Map<String, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

	private final LocalInfrastructure infrastructure;

	/**
	 * RZones that joined at run time (a split's new cell), with the settings they run by.
	 */
	private final Map<String, Topology.ZoneSpec> cells = new LinkedHashMap<>();

	private ServiceArguments cellArguments;

	private EndToEndTopology(Path file) {
		this.topology = TopologyFile.read(file);
		this.infrastructure = new LocalInfrastructure(SharedPostgres.serverUrl(), SharedPostgres.user(),
				SharedKafka.bootstrapServers());
		this.arguments = new ServiceArguments(topology, infrastructure, file);
		this.cellArguments = arguments;
		// The GZone first: the CZones bootstrap from its snapshot.
		for (ZoneKind kind : List.of(ZoneKind.GZONE, ZoneKind.CZONE)) {
			for (Topology.ZoneSpec zone : topology.zones().stream().filter(zone -> zone.kind() == kind).toList()) {
				SharedPostgres.createDatabaseNamed(ServiceArguments.database(zone, "config"));
				start(zone.id().value() + "/config", zone.id().value(), "config-service",
						ConfigServiceApplication.application(), arguments.zoneService(zone, "config"));
			}
		}
		for (Topology.ZoneSpec zone : topology.rzones()) {
			for (String service : ServiceArguments.rzoneServices()) {
				databases.put(zone.id().value() + "/" + service,
						SharedPostgres.createDatabaseNamed(ServiceArguments.database(zone, service)));
				startZoneService(zone.id().value(), service);
			}
		}
		for (Topology.City city : topology.cities()) {
			Map<String, String> settings = new HashMap<>(arguments.gateway(city));
			settings.put("spring.autoconfigure.exclude", GATEWAY_EXCLUSIONS);
			start("gw-" + city.id(), "gw-" + city.id(), "gateway", GatewayApplication.application(), settings);
			gateways.put(city.id().value(), city.gateway());
		}
		Runtime.getRuntime()
			.addShutdownHook(new Thread(
					() -> new ArrayList<>(contexts.values()).reversed().forEach(ConfigurableApplicationContext::close),
					"e2e-topology-shutdown"));
	}

	static EndToEndTopology get() {
		EndToEndTopology topology = started;
		if (topology == null) {
			synchronized (EndToEndTopology.class) {
				if (failedToStart != null) {
					// Once is enough: starting again would meet the first attempt's ports
					// and databases.
					throw new IllegalStateException(
							"the end-to-end topology did not start (see the first suite that failed)", failedToStart);
				}
				topology = started;
				if (topology == null) {
					try {
						topology = new EndToEndTopology(writeTopology());
						topology.awaitReady();
						topology.requireInitialRouting();
					}
					catch (RuntimeException ex) {
						failedToStart = ex;
						throw ex;
					}
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
		return spec(zone).endpoints().get(service);
	}

	private Topology.ZoneSpec spec(String zone) {
		Topology.ZoneSpec cell = cells.get(zone);
		return cell != null ? cell : topology.zone(ZoneId.of(zone)).orElseThrow();
	}

	/** The topology the suite started with. */
	Topology topology() {
		return topology;
	}

	/**
	 * A new cell joins: its databases are made and its services started, with the
	 * topology as it will be after the split that gives it shards.
	 */
	void joinCell(Topology after, String zone) {
		Topology.ZoneSpec spec = after.zone(ZoneId.of(zone)).orElseThrow();
		cells.put(zone, spec);
		cellArguments = new ServiceArguments(after, infrastructure, null);
		for (String service : ServiceArguments.rzoneServices()) {
			databases.computeIfAbsent(zone + "/" + service,
					name -> SharedPostgres.createDatabaseNamed(ServiceArguments.database(spec, service)));
			startZoneService(zone, service);
		}
	}

	/** A cell whose shards merged back stops, and is no zone of the suite's any more. */
	void leaveCell(String zone) {
		killZone(zone);
		cells.remove(zone);
	}

	/** The management base URL of a zone's service. */
	URI management(String zone, String service) {
		return URI.create(
				"http://127.0.0.1:" + (endpoint(zone, service).getPort() + ServiceArguments.MANAGEMENT_PORT_OFFSET));
	}

	String accountDatabase(String zone) {
		return database(zone, "account");
	}

	String database(String zone, String service) {
		return databases.get(zone + "/" + service);
	}

	List<String> rzones() {
		List<String> rzones = new ArrayList<>(topology.rzones().stream().map(zone -> zone.id().value()).toList());
		rzones.addAll(cells.keySet());
		return rzones;
	}

	/** The RZone that serves a shard at the topology's first epoch. */
	String zoneOf(int shard) {
		return topology.initialRoutingTable().ownerOf(Shard.of(shard)).value();
	}

	/**
	 * Turns the GZone's automatic failover on or off. Before turning it on, waits until
	 * the supervisor sees every RZone up again, or it would move the shards of a zone
	 * that was down while it was off.
	 */
	void automaticFailover(boolean on) {
		Http http = new Http();
		URI hz = gateway("hz");
		String admin = http.token(hz, 1, "admin");
		if (on) {
			org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
				var zones = http.get(hz.resolve("/admin/zones"), admin).json().get("zones");
				for (var zone : zones) {
					// A cell merged away serves nothing and stays down.
					if (zone.get("kind").asString().equals("RZONE") && !zone.get("status").asString().equals("UP")
							&& !zone.get("shards").isEmpty()) {
						return false;
					}
				}
				return true;
			});
		}
		Http.Response set = http.put(hz.resolve("/admin/switches/failover.auto"), admin, "{\"value\": \"" + on + "\"}");
		if (set.status() != 200) {
			throw new IllegalStateException("cannot set failover.auto: " + set.status() + " " + set.body());
		}
	}

	/**
	 * Sets {@code risk.mode} at the GZone and waits, bounded, until every RZone's account
	 * and payment services read it from their city's copy.
	 */
	void riskMode(String mode, java.time.Duration bound) {
		Http http = new Http();
		URI hz = gateway("hz");
		Http.Response set = http.put(hz.resolve("/admin/switches/risk.mode"), http.token(hz, 1, "admin"),
				"{\"value\": \"" + mode + "\"}");
		if (set.status() != 200) {
			throw new IllegalStateException("cannot set risk.mode: " + set.status() + " " + set.body());
		}
		long version = set.json().get("version").asLong();
		org.awaitility.Awaitility.await()
			.atMost(bound)
			.pollInterval(java.time.Duration.ofMillis(50))
			.untilAsserted(() -> {
				for (String zone : rzones()) {
					for (String service : List.of("account", "payment")) {
						var view = http.get(management(zone, service).resolve("/actuator/globaldata"), null).json();
						org.assertj.core.api.Assertions.assertThat(view.get("version").asLong())
							.as(zone + " " + service)
							.isGreaterThanOrEqualTo(version);
						org.assertj.core.api.Assertions.assertThat(view.get("switches").get("risk.mode").asString())
							.as(zone + " " + service)
							.isEqualTo(mode);
					}
				}
			});
	}

	/**
	 * A running service's context, for tests that reach inside a zone (a zombie's stopped
	 * clocks).
	 */
	ConfigurableApplicationContext context(String zone, String service) {
		return java.util.Objects.requireNonNull(contexts.get(zone + "/" + service),
				() -> zone + "/" + service + " is not running");
	}

	/** Every service of an RZone stops as its process dying would. */
	void killZone(String zone) {
		ServiceArguments.rzoneServices().reversed().forEach(service -> stop(zone, service));
	}

	/** Starts every service of an RZone again. */
	void startZone(String zone) {
		ServiceArguments.rzoneServices().forEach(service -> startZoneService(zone, service));
	}

	/**
	 * Stops a service of an RZone as a crash would: its context closes under it, nothing
	 * more is said to anyone.
	 */
	void stop(String zone, String service) {
		ConfigurableApplicationContext context = contexts.remove(zone + "/" + service);
		if (context != null) {
			context.close();
		}
	}

	/**
	 * Closes the breakers a zone's payment-service keeps on its calls to the zone's other
	 * services, as they would be once enough calls succeeded: a test that took a service
	 * down must not leave the next test facing a breaker it opened.
	 */
	void closeZoneCallBreakers(String zone) {
		ConfigurableApplicationContext payment = contexts.get(zone + "/payment");
		if (payment != null) {
			payment.getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers().forEach(CircuitBreaker::reset);
		}
	}

	/**
	 * Starts a GZone or CZone (again), on its own database, as a (re)started process
	 * would.
	 */
	void startConfigZone(String zone) {
		start(zone + "/config", zone, "config-service", ConfigServiceApplication.application(),
				arguments.zoneService(topology.zone(ZoneId.of(zone)).orElseThrow(), "config"));
	}

	/**
	 * Starts a service of an RZone (again), on its own database, as a (re)started process
	 * would.
	 */
	void startZoneService(String zone, String service, ApplicationListener<?>... listeners) {
		Map<String, String> settings = new HashMap<>(
				(cells.containsKey(zone) ? cellArguments : arguments).zoneService(spec(zone), service));
		if (service.equals("payment")) {
			// A crashed payment is settled after five seconds here, not after the
			// production thirty, and a retry takes over
			// the crashed request's Idempotency-Key after four seconds, not thirty.
			// Settling must wait longer than any live
			// request can last (its transaction timeout, three seconds), or it voids a
			// payment still being made.
			settings.put("zonepay.payment.reconcile-after", "5s");
			settings.put("zonepay.payment.reconcile-interval", "500ms");
			settings.put("zonepay.idempotency.lease", "4s");
			settings.put("zonepay.idempotency.transaction-timeout", "3s");
		}
		SpringApplication application = switch (service) {
			case "account" -> AccountServiceApplication.application();
			case "order" -> OrderServiceApplication.application();
			case "payment" -> PaymentServiceApplication.application();
			default -> throw new IllegalArgumentException("no service " + service);
		};
		application.addListeners(listeners);
		start(zone + "/" + service, zone, service + "-service", application, settings);
	}

	private void start(String name, String zone, String service, SpringApplication application,
			Map<String, String> settings) {
		MDC.put("zone", zone);
		MDC.put("service", service);
		application
			.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new OwnReactorResources()));
		// Every process reports its spans to the suite's in-memory trace backend.
		application.addInitializers(
				context -> context.getBeanFactory().registerSingleton("e2eFinishedSpans", FinishedSpans.PROCESSOR));
		contexts.put(name, application.run(ServiceArguments.asArguments(settings)));
	}

	/**
	 * Gives each context its own Reactor Netty event loops and connection pools. By
	 * default they share the JVM-wide ones, and closing any context (a stopped service)
	 * disposes them under the gateways still running.
	 */
	private static final class OwnReactorResources implements BeanPostProcessor {

		@Override
		public Object postProcessBeforeInitialization(Object bean, String beanName) {
			if (bean instanceof ReactorResourceFactory resources) {
				resources.setUseGlobalResources(false);
			}
			return bean;
		}

	}

	/** Every service and gateway has read the routing table. */
	private void awaitReady() {
		List<Integer> managementPorts = new ArrayList<>();
		topology.zones()
			.forEach(zone -> zone.endpoints()
				.values()
				.forEach(uri -> managementPorts.add(uri.getPort() + ServiceArguments.MANAGEMENT_PORT_OFFSET)));
		topology.cities()
			.forEach(city -> managementPorts.add(city.gateway().getPort() + ServiceArguments.MANAGEMENT_PORT_OFFSET));
		Http http = new Http();
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> managementPorts.stream()
				.allMatch(port -> http.get(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"), null)
					.status() == 200));
	}

	/**
	 * Every suite starts from the topology's own routing. A zone the GZone failed over
	 * while the topology was still starting would fail suites far from the cause, so the
	 * run stops here and says so.
	 */
	private void requireInitialRouting() {
		Http http = new Http();
		URI hz = gateway("hz");
		var routing = http.get(hz.resolve("/admin/routing"), http.token(hz, 1, "admin")).json();
		var owners = routing.get("shards");
		List<String> moved = IntStream.range(0, Shard.COUNT)
			.mapToObj(shard -> String.format("%02d", shard))
			.filter(shard -> !owners.get(shard).asString().equals(zoneOf(Integer.parseInt(shard))))
			.map(shard -> shard + " -> " + owners.get(shard).asString())
			.toList();
		if (!moved.isEmpty()) {
			throw new IllegalStateException(
					"The GZone moved shards while the end-to-end topology started (see its supervisor's log): " + moved
							+ "; zones " + routing.get("zones"));
		}
	}

	/**
	 * The GZone, its standby in sh and a CZone per city; rz1 and rz2 in hz, rz3 in sh, a
	 * third of the shards each.
	 */
	private static Path writeTopology() {
		FreePorts ports = new FreePorts();
		Object[] numbers = IntStream.range(0, 15).mapToObj(i -> (Object) ports.next()).toArray();
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
				        standby: gz-sh
				        endpoints:
				          config: http://127.0.0.1:%d
				      - id: gz-sh
				        kind: GZONE
				        city: sh
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
				          order: http://127.0.0.1:%d
				          payment: http://127.0.0.1:%d
				      - id: rz2
				        kind: RZONE
				        city: hz
				        shards: 34-66
				        shard-group: sg2
				        standby: rz1
				        endpoints:
				          account: http://127.0.0.1:%d
				          order: http://127.0.0.1:%d
				          payment: http://127.0.0.1:%d
				      - id: rz3
				        kind: RZONE
				        city: sh
				        shards: 67-99
				        shard-group: sg3
				        standby: rz2
				        endpoints:
				          account: http://127.0.0.1:%d
				          order: http://127.0.0.1:%d
				          payment: http://127.0.0.1:%d
				""".formatted(numbers);
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
