package io.zonepay.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.Role;
import io.zonepay.testkit.SharedKafka;
import io.zonepay.testkit.SharedPostgres;
import io.zonepay.testkit.TestCallers;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A GZone, its standby and the CZones of two cities, each config-service in its own
 * Spring context and database, replicating over the shared Kafka broker on a topic of
 * their own. Contexts can be stopped and started again to play crashes; the standby runs
 * only in the tests that start it.
 */
public final class GlobalDataTopology implements AutoCloseable {

	private static final AtomicInteger TOPICS = new AtomicInteger();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String topic = "zonepay.global.changes.test" + TOPICS.incrementAndGet();

	private final Map<String, String> databases = new LinkedHashMap<>();

	private final Map<String, ConfigurableApplicationContext> running = new LinkedHashMap<>();

	private final List<String> extra;

	/**
	 * Each config-service's port, fixed so that the topology names where each really
	 * listens (as ./zonepay up's does).
	 */
	private final Map<String, Integer> ports = new LinkedHashMap<>();

	private final Path topologyFile;

	private GlobalDataTopology(List<String> extra) {
		this.extra = extra;
		this.topologyFile = writeTopology();
	}

	/**
	 * The local topology, its config-services at ports free on this machine: copies find
	 * each other by it.
	 */
	private Path writeTopology() {
		try (InputStream local = GlobalDataTopology.class.getResourceAsStream("/topology/local.yml")) {
			String yaml = new String(Objects.requireNonNull(local, "topology/local.yml").readAllBytes(),
					StandardCharsets.UTF_8);
			for (String zone : List.of("gz", "cz-hz", "cz-sh", "gz-sh")) {
				int port = freePort();
				ports.put(zone, port);
				int localPort = switch (zone) {
					case "gz" -> 9100;
					case "cz-hz" -> 9101;
					case "cz-sh" -> 9102;
					default -> 9103;
				};
				yaml = yaml.replace("http://localhost:" + localPort, "http://127.0.0.1:" + port);
			}
			Path file = Files.createTempFile("zonepay-global-data-topology", ".yml");
			file.toFile().deleteOnExit();
			return Files.writeString(file, yaml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** The GZone and CZones {@code cz-hz} and {@code cz-sh}, started and caught up. */
	public static GlobalDataTopology start(String... extraSettings) {
		GlobalDataTopology topology = new GlobalDataTopology(List.of(extraSettings));
		topology.startZone("gz");
		topology.startZone("cz-hz");
		topology.startZone("cz-sh");
		return topology;
	}

	public void startZone(String zone) {
		startInstance(zone, zone, ports.get(zone));
	}

	/**
	 * Another instance of a zone, on its database, at a port of its own, known to the
	 * test as {@code instance}: a city may run its CZone twice.
	 */
	public void startSecondInstance(String zone, String instance) {
		try {
			startInstance(zone, instance, freePort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void startInstance(String zone, String instance, int port) {
		String database = databases.computeIfAbsent(zone,
				name -> SharedPostgres.createDatabase(name.replace('-', '_')));
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--management.server.port=0",
				"--zonepay.topology.location=file:" + topologyFile, "--spring.datasource.url=" + database,
				"--spring.datasource.username=" + SharedPostgres.user(),
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(),
				"--zonepay.replication.topic=" + topic, "--zonepay.zone.id=" + zone,
				"--zonepay.zone.city=" + (zone.endsWith("sh") ? "sh" : "hz"),
				"--zonepay.ids.node-id=" + (List.of("gz", "cz-hz", "cz-sh", "gz-sh").indexOf(zone) + 1),
				// Nothing answers at the topology's RZone endpoints here: the supervisor
				// would fail them over, changing global data.
				"--zonepay.supervisor.enabled=false"));
		if (zone.equals("gz-sh")) {
			args.add("--spring.profiles.active=standby");
			args.add("--zonepay.replication.gzone=" + fixedUri("gz"));
		}
		else if (!zone.equals("gz")) {
			args.add("--spring.profiles.active=czone");
			args.add("--zonepay.replication.gzone=" + fixedUri("gz") + "," + fixedUri("gz-sh"));
		}
		args.addAll(extra);
		MDC.put("zone", zone);
		MDC.put("service", "config-service");
		running.put(instance, ConfigServiceApplication.application().run(args.toArray(String[]::new)));
	}

	public void stopZone(String zone) {
		ConfigurableApplicationContext context = running.remove(zone);
		if (context != null) {
			context.close();
		}
	}

	public ConfigurableApplicationContext context(String zone) {
		return running.get(zone);
	}

	public URI uri(String zone) {
		return URI
			.create("http://127.0.0.1:" + ((WebServerApplicationContext) running.get(zone)).getWebServer().getPort());
	}

	private URI fixedUri(String zone) {
		return URI.create("http://127.0.0.1:" + ports.get(zone));
	}

	public URI management(String zone) {
		String port = running.get(zone).getEnvironment().getProperty("local.management.port");
		return URI.create("http://127.0.0.1:" + port);
	}

	public Answer get(String zone, String pathAndQuery) {
		return get(zone, pathAndQuery, Map.of());
	}

	public Answer get(String zone, String pathAndQuery, Map<String, String> headers) {
		String path = URI.create(pathAndQuery).getRawPath();
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(zone).resolve(pathAndQuery))
			.header("X-ZonePay-Caller", TestCallers.sign(Caller.system(), "GET", path, null));
		headers.forEach(request::header);
		return send(request.GET());
	}

	public Answer admin(String method, String path, String body) {
		return admin("gz", method, path, body);
	}

	/** An operator's request to a GZone: the writer or its standby. */
	public Answer admin(String zone, String method, String path, String body) {
		return send(HttpRequest.newBuilder(uri(zone).resolve(path))
			.header("X-ZonePay-Caller",
					TestCallers.sign(new Caller(null, java.util.Set.of(Role.ADMIN)), method, path, null))
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(body)));
	}

	public Answer health(String zone) {
		return send(HttpRequest.newBuilder(management(zone).resolve("/actuator/health")).GET());
	}

	private Answer send(HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(10)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.headers().firstValue("X-ZonePay-Served-By").orElse(null),
					response.headers().firstValue("X-ZonePay-Writer").orElse(null),
					response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		new ArrayList<>(running.keySet()).reversed().forEach(this::stopZone);
	}

	/**
	 * One HTTP answer.
	 *
	 * @param writer {@code unavailable} when a copy served its last version with the
	 * GZone gone
	 */
	public record Answer(int status, @Nullable String servedBy, @Nullable String writer, JsonNode body) {
	}

}
