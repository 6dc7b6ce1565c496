package io.zonepay.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.identity.Role;
import tools.jackson.databind.JsonNode;

/**
 * GZone-to-CZone apply lag under a steady write load: writes global data at fixed rates
 * (open loop: a slow answer never delays the next write) and reads each CZone's apply-lag
 * histogram over exactly that window.
 *
 * <p>
 * The writes go straight to the GZone's admin API, signed as an operator with the
 * published development key, so that on a small machine the gateway's CPU does not
 * compete with what is measured (the gateway adds nothing to the lag, which runs from the
 * GZone's commit to a CZone's apply); {@code --writes-through-gateway true} sends them
 * through the first gateway instead.
 *
 * <p>
 * Needs {@code ./zonepay up}. Run
 * {@code deploy/bench/global-lag.sh [--rates 50,200,1000] [--seconds 60] [--warm-up 10]};
 * the gateways ({@code --gateways}, the first takes the writes) and the CZones'
 * management URLs ({@code --czones name=url,...}) default to the local platform's.
 */
public final class GlobalDataLag {

	/**
	 * Bounds the writes in flight; past it a write is counted as dropped, the mark of an
	 * overloaded GZone.
	 */
	private static final int MAX_IN_FLIGHT = 256;

	private static final int MERCHANTS = 200;

	private final Client client = new Client();

	private final URI gateway;

	private final URI writeTarget;

	private final List<URI> gateways;

	private final Map<String, URI> czones;

	private final String admin;

	private final String user;

	private final CallerSigner signer = new CallerSigner(
			DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));

	private GlobalDataLag(List<URI> gateways, Map<String, URI> czones, URI writeTarget) throws Exception {
		this.gateway = gateways.getFirst();
		this.writeTarget = writeTarget;
		this.gateways = gateways;
		this.czones = czones;
		this.admin = client.token(gateway, "1", "admin");
		this.user = client.token(gateway, "1207", "user");
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchOptions.parse(args);
		List<URI> gateways = Arrays
			.stream(options.getOrDefault("gateways", "http://localhost:8080,http://localhost:8081").split(","))
			.map(URI::create)
			.toList();
		Map<String, URI> czones = new LinkedHashMap<>();
		for (String entry : options.getOrDefault("czones", "cz-hz=http://localhost:9201,cz-sh=http://localhost:9202")
			.split(",")) {
			String[] parts = entry.split("=", 2);
			czones.put(parts[0], URI.create(parts[1]));
		}
		List<Integer> rates = Arrays.stream(options.getOrDefault("rates", "50,200,1000").split(","))
			.map(Integer::parseInt)
			.toList();
		Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
		URI gzone = URI.create(options.getOrDefault("gzone", "http://localhost:9100"));
		boolean throughGateway = Boolean.parseBoolean(options.getOrDefault("writes-through-gateway", "false"));
		Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up", "10")));
		new GlobalDataLag(gateways, czones, throughGateway ? gateways.getFirst() : gzone).run(rates, duration, warmUp);
	}

	private void run(List<Integer> rates, Duration duration, Duration warmUp) throws Exception {
		List<String> merchants = createMerchants();
		System.out.printf("%nGZone -> CZone apply lag, %d s per rate after %d s of warm-up, writes to %s%n%n",
				duration.toSeconds(), warmUp.toSeconds(), writeTarget);
		System.out.printf("%-8s %-10s %-7s %-8s %-6s %-8s %-9s %-9s %-9s %-9s%n", "target/s", "achieved/s", "errors",
				"dropped", "czone", "changes", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
		for (int rate : rates) {
			// Unmeasured warm-up at the same rate: lets the JIT, connection pools and
			// page cache settle first.
			awaitApplied(write(rate, warmUp, merchants).lastVersion());
			czones.values().forEach(this::reset);
			Result result = write(rate, duration, merchants);
			awaitApplied(result.lastVersion());
			for (Map.Entry<String, URI> czone : czones.entrySet()) {
				JsonNode lag = client.get(czone.getValue().resolve("/actuator/applylag"), "");
				System.out.printf("%-8d %-10.1f %-7d %-8d %-6s %-8d %-9.1f %-9.1f %-9.1f %-9.1f%n", rate,
						result.achieved(), result.errors(), result.dropped(), czone.getKey(), lag.get("count").asLong(),
						lag.get("p50Ms").asDouble(), lag.get("p99Ms").asDouble(), lag.get("p999Ms").asDouble(),
						lag.get("maxMs").asDouble());
			}
		}
	}

	private List<String> createMerchants() throws Exception {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < MERCHANTS; i++) {
			HttpRequest request = client.request(gateway.resolve("/admin/merchants"), admin)
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"name\": \"Bench " + i + "\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}"))
				.build();
			ids.add(Client.json(client.send(request).body()).get("merchantId").asString());
		}
		return ids;
	}

	/**
	 * Writes at a fixed rate for a fixed time: merchant renames, and a switch flip in
	 * every hundredth write.
	 */
	private Result write(int rate, Duration duration, List<String> merchants) throws InterruptedException {
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		AtomicLong lastVersion = new AtomicLong();
		FixedRate.Run run = FixedRate.run(rate, duration, MAX_IN_FLIGHT, Duration.ofSeconds(30), (n,
				intended) -> client.sendAsync(writeRequest((int) n, merchants)).whenComplete((response, failure) -> {
					if (failure == null && response.statusCode() < 300) {
						ok.incrementAndGet();
						lastVersion.accumulateAndGet(Client.json(response.body()).get("version").asLong(), Math::max);
					}
					else {
						errors.incrementAndGet();
					}
				}));
		return new Result(ok.get() / run.seconds(), errors.get(), run.dropped(), lastVersion.get());
	}

	private HttpRequest writeRequest(int n, List<String> merchants) {
		if (n % 100 == 99) {
			return write("/admin/switches/payments.maxAmount.USD", "{\"value\": " + (5_000_000 + n) + "}");
		}
		return write("/admin/merchants/" + merchants.get(n % merchants.size()),
				"{\"name\": \"Bench " + n + "\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}");
	}

	private HttpRequest write(String path, String body) {
		HttpRequest.Builder request = client.request(writeTarget.resolve(path),
				writeTarget.equals(gateway) ? admin : "");
		if (!writeTarget.equals(gateway)) {
			request.header("X-ZonePay-Caller", signer.sign(new Caller(null, Set.of(Role.ADMIN)), "PUT", path, null));
		}
		return request.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private void awaitApplied(long version) throws Exception {
		// Each city's gateway answers the watermark of its own CZone.
		for (URI cityGateway : gateways) {
			Instant deadline = Instant.now().plusSeconds(60);
			while (client.get(cityGateway.resolve("/api/global/watermark"), user).get("version").asLong() < version) {
				if (Instant.now().isAfter(deadline)) {
					throw new IllegalStateException(
							"the CZone behind " + cityGateway + " did not reach version " + version + " within 60 s");
				}
				Thread.sleep(50);
			}
		}
	}

	private void reset(URI czone) {
		try {
			client.send(HttpRequest.newBuilder(czone.resolve("/actuator/applylag")).DELETE().build());
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot reset the apply lag of " + czone, ex);
		}
	}

	private record Result(double achieved, int errors, int dropped, long lastVersion) {
	}

}
