package io.zonepay.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.zonepay.kernel.id.UserId;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.identity.DevelopmentKeys;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.zone.Shard;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

/**
 * What the gateway costs: the same call ({@code GET /api/users/{id}/balances}, for users
 * over all 100 shards) straight to the account-service of the user's zone, with a caller
 * assertion signed as the gateway signs it, and through the gateway with a bearer token.
 * Saturation of each (a closed loop of N clients) gives the saturation ratio
 * gateway/direct; an open loop of each at half (and a quarter of) the direct maximum
 * gives the added latency (p50, p99). With {@code --down <zone>}, a last run through the
 * gateway kills that zone's process a third of the way in (SIGKILL) and reports the
 * latency of the requests for the other zones before and after, and how the dead zone's
 * requests were answered; the zone is started again afterwards.
 *
 * <p>
 * Needs {@code ./zonepay up}. Run
 * {@code deploy/bench/gateway-overhead.sh [--users 400] [--concurrency 32]
 * [--seconds 30] [--warm-up 10] [--rounds 4] [--fractions 0.5,0.25] [--down rz1] [--routes direct,gateway]}:
 * each route's seconds are split into rounds taken in turns.
 */
public final class GatewayOverhead {

	private static final Duration TIMEOUT = Duration.ofSeconds(15);

	/**
	 * Bounds the calls in flight of a fixed-rate run; past it a call is counted as
	 * dropped: the mark of saturation.
	 */
	private static final int MAX_IN_FLIGHT = 1024;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private final CallerSigner signer = new CallerSigner(
			DevelopmentKeys.CALLER_SIGNING_KEY.getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));

	private final Client client = new Client();

	private final URI gateway;

	private final CpuMeter cpu;

	private final Path run;

	private final List<User> users = new ArrayList<>();

	private final AtomicInteger next = new AtomicInteger();

	private GatewayOverhead(URI gateway, Path run) throws Exception {
		this.gateway = gateway;
		this.run = run;
		this.cpu = new CpuMeter(run);
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchOptions.parse(args);
		Path run = options.containsKey("run") ? Path.of(options.get("run"))
				: Path.of(Files.readString(Path.of(".zonepay/current")).strip());
		GatewayOverhead bench = new GatewayOverhead(
				URI.create(options.getOrDefault("gateway", "http://localhost:8080")), run);
		Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
		Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up", "10")));
		int clients = Integer.parseInt(options.getOrDefault("concurrency", "32"));
		bench.prepare(Integer.parseInt(options.getOrDefault("users", "400")));

		System.out.printf("%n%-26s %-9s %-7s %-8s %-7s %-7s %-7s %-8s %-8s %s%n", "run", "req/s", "errors", "dropped",
				"p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "CPU-ms per request");
		List<Route> routes = Arrays.stream(options.getOrDefault("routes", "direct,gateway").split(","))
			.map(route -> Route.valueOf(route.strip().toUpperCase(Locale.ROOT)))
			.toList();
		int rounds = Integer.parseInt(options.getOrDefault("rounds", "4"));
		Duration slice = seconds.dividedBy(rounds);
		for (Route route : routes) {
			bench.closedLoop(route, clients, warmUp);
		}
		// The routes take turns in short slices, so that a machine that slows down for a
		// while (other tenants of the
		// host) slows both alike.
		Map<Route, RunResult> saturation = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			for (Route route : routes) {
				saturation.merge(route, bench.closedLoop(route, clients, slice), RunResult::plus);
			}
		}
		saturation.forEach((route, result) -> bench.report(route + " saturation c=" + clients, result));
		if (routes.size() < 2) {
			System.exit(0);
		}
		double directMax = saturation.get(Route.DIRECT).perSecond();
		System.out.printf("%nsaturation ratio gateway/direct: %.2f (%.0f / %.0f req/s)%n",
				saturation.get(Route.GATEWAY).perSecond() / directMax, saturation.get(Route.GATEWAY).perSecond(),
				directMax);
		int lowest = Integer.MAX_VALUE;
		for (String fraction : options.getOrDefault("fractions", "0.5,0.25").split(",")) {
			int rate = (int) Math.round(directMax * Double.parseDouble(fraction.strip()));
			lowest = Math.min(lowest, rate);
			bench.fixedRate(routes, rate, warmUp, slice, rounds);
		}
		if (options.containsKey("down")) {
			// Below the gateway's saturation, so that what shows is the dead zone's
			// effect and not an overloaded machine.
			bench.zoneDown(options.get("down"), lowest, seconds);
		}
		System.exit(0);
	}

	/**
	 * Each route at the same fixed rate, in turns, then what the gateway added to the
	 * direct latency.
	 */
	private void fixedRate(List<Route> routes, int rate, Duration warmUp, Duration slice, int rounds) throws Exception {
		System.out.println();
		for (Route route : routes) {
			openLoop(route, rate, warmUp.dividedBy(2), user -> "all");
		}
		Map<Route, RunResult> fixed = new LinkedHashMap<>();
		for (int round = 0; round < rounds; round++) {
			for (Route route : routes) {
				fixed.merge(route, openLoop(route, rate, slice, user -> "all").get("all"), RunResult::plus);
			}
		}
		fixed.forEach((route, result) -> report(route + " rate " + rate + "/s", result));
		Histogram direct = fixed.get(Route.DIRECT).latencies();
		Histogram through = fixed.get(Route.GATEWAY).latencies();
		System.out.printf("added latency at %d/s: p50 %+.2f ms, p99 %+.2f ms%n", rate,
				(through.getValueAtPercentile(50) - direct.getValueAtPercentile(50)) / 1e3,
				(through.getValueAtPercentile(99) - direct.getValueAtPercentile(99)) / 1e3);
	}

	/**
	 * Users over every shard, each with a token, a deposit, and the account-service of
	 * its zone.
	 */
	private void prepare(int count) throws Exception {
		long started = System.nanoTime();
		String admin = client.token(gateway, "1", "admin");
		JsonNode routing = client.get(gateway.resolve("/admin/routing"), admin);
		Map<String, URI> accounts = new HashMap<>();
		routing.get("zones").forEach(zone -> {
			JsonNode account = zone.path("endpoints").path("account");
			if (!account.isMissingNode()) {
				accounts.put(zone.get("zoneId").asString(), URI.create(account.asString()));
			}
		});
		try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
			List<Future<User>> created = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Shard shard = Shard.of(i % Shard.COUNT);
				String zone = routing.get("shards").get(shard.toString()).asString();
				created.add(threads.submit(() -> signUp(shard, zone, accounts.get(zone))));
			}
			for (var user : created) {
				users.add(user.get());
			}
		}
		System.out.printf("prepared %d users over %d shards and %d zones in %.0f s%n", users.size(), Shard.COUNT,
				accounts.size(), (System.nanoTime() - started) / 1e9);
	}

	private User signUp(Shard shard, String zone, URI account) throws Exception {
		HttpResponse<String> created = client.send(client.request(gateway.resolve("/api/users"), "")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Bench\", \"shard\": " + shard.value() + "}"))
			.build());
		long id = Long.parseLong(Client.json(created.body()).get("userId").asString());
		String token = client.token(gateway, Long.toString(id), "user");
		client.send(client.request(gateway.resolve("/api/users/" + id + "/deposits"), token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString("{\"amount\": 1000, \"currency\": \"CNY\"}"))
			.build());
		return new User(id, shard, zone, token, account);
	}

	/** N clients, each calling again as soon as its last call was answered. */
	private RunResult closedLoop(Route route, int clients, Duration duration) throws Exception {
		Recorder latencies = new Recorder(3);
		Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
		AtomicInteger ok = new AtomicInteger();
		long deadline = System.nanoTime() + duration.toNanos();
		CpuMeter.Snapshot before = cpu.snapshot();
		long started = System.nanoTime();
		try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
			for (int i = 0; i < clients; i++) {
				threads.submit(() -> {
					while (System.nanoTime() < deadline) {
						long start = System.nanoTime();
						HttpResponse<Void> response = http.send(request(route, nextUser()),
								HttpResponse.BodyHandlers.discarding());
						latencies.recordValue((System.nanoTime() - start) / 1_000);
						count(response.statusCode() == 200 ? null : "HTTP " + response.statusCode(), ok, errors);
					}
					return null;
				});
			}
		}
		return new RunResult(ok.get(), (System.nanoTime() - started) / 1e9, errors, 0, latencies.getIntervalHistogram(),
				cpu.snapshot().since(before));
	}

	/**
	 * Calls started on a fixed schedule, whatever the answers; latency counts from the
	 * scheduled start, so a stall is not hidden. Each call's outcome is filed under the
	 * group {@code groupOf} names for its user at the time it starts.
	 */
	private Map<String, RunResult> openLoop(Route route, int rate, Duration duration, Function<User, String> groupOf)
			throws Exception {
		Map<String, Recorder> latencies = new ConcurrentHashMap<>();
		Map<String, Map<String, AtomicInteger>> errors = new ConcurrentHashMap<>();
		Map<String, AtomicInteger> ok = new ConcurrentHashMap<>();
		CpuMeter.Snapshot before = cpu.snapshot();
		FixedRate.Run run = FixedRate.run(rate, duration, MAX_IN_FLIGHT, TIMEOUT.plusSeconds(5), (n, intended) -> {
			User user = nextUser();
			String group = groupOf.apply(user);
			return http.sendAsync(request(route, user), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, failure) -> {
					latencies.computeIfAbsent(group, key -> new Recorder(3))
						.recordValue(Math.max(0, System.nanoTime() - intended) / 1_000);
					String error = failure != null ? failure.getClass().getSimpleName()
							: response.statusCode() == 200 ? null : "HTTP " + response.statusCode();
					count(error, ok.computeIfAbsent(group, key -> new AtomicInteger()),
							errors.computeIfAbsent(group, key -> new ConcurrentHashMap<>()));
				});
		});
		double took = run.seconds();
		Map<String, Double> used = cpu.snapshot().since(before);
		Map<String, RunResult> results = new TreeMap<>();
		latencies.forEach((group, recorder) -> results.put(group,
				new RunResult(ok.get(group).get(), took, errors.get(group), group.equals("all") ? run.dropped() : 0,
						recorder.getIntervalHistogram(), group.equals("all") ? used : Map.of())));
		return results;
	}

	/**
	 * Through the gateway at a fixed rate, with one zone killed a third of the way in:
	 * requests for the other zones before and after the kill, and for the killed zone
	 * after it, each reported apart.
	 */
	private void zoneDown(String zone, int rate, Duration duration) throws Exception {
		long pid = latestPid(zone);
		long killAt = System.nanoTime() + duration.toNanos() / 3;
		long settled = killAt + TimeUnit.SECONDS.toNanos(5);
		Function<User, String> groupOf = user -> {
			long now = System.nanoTime();
			if (now < killAt) {
				return "1 every zone, before kill";
			}
			if (user.zone().equals(zone)) {
				return "4 " + zone + ", after kill";
			}
			return now < settled ? "2 others, 0-5 s after" : "3 others, 5 s+ after";
		};
		ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
		killer.schedule(() -> kill(pid), duration.toNanos() / 3, TimeUnit.NANOSECONDS);
		System.out.printf("%n%s (pid %d) is killed (SIGKILL) %d s into a %d s run through the gateway at %d/s%n", zone,
				pid, duration.toSeconds() / 3, duration.toSeconds(), rate);
		Map<String, RunResult> results = openLoop(Route.GATEWAY, rate, duration, groupOf);
		killer.shutdown();
		results.forEach((group, result) -> report(group, result));
		System.out.printf("%nstarting %s again: ./zonepay start %s%n", zone, zone);
		Process start = new ProcessBuilder("./zonepay", "start", zone).inheritIO().start();
		start.waitFor(5, TimeUnit.MINUTES);
	}

	private long latestPid(String name) throws Exception {
		long pid = -1;
		for (String line : Files.readAllLines(run.resolve("processes.tsv"))) {
			String[] columns = line.split("\t");
			if (columns[0].equals(name)) {
				pid = Long.parseLong(columns[1]);
			}
		}
		if (pid < 0 || ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
			throw new IllegalStateException(name + " is not running");
		}
		return pid;
	}

	private static void kill(long pid) {
		ProcessHandle.of(pid).ifPresent(process -> {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		});
	}

	private User nextUser() {
		return users.get(Math.floorMod(next.getAndIncrement(), users.size()));
	}

	private HttpRequest request(Route route, User user) {
		String path = "/api/users/" + user.id() + "/balances";
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(route == Route.DIRECT ? user.account().resolve(path) : gateway.resolve(path))
			.timeout(TIMEOUT);
		if (route == Route.DIRECT) {
			// What the gateway hands a zone: the caller, signed, for this method and path
			// only.
			return builder
				.header("X-ZonePay-Caller",
						signer.sign(Caller.user(new UserId(user.id()), Set.of(Role.USER)), "GET", path, null))
				.GET()
				.build();
		}
		return builder.header("Authorization", "Bearer " + user.token()).GET().build();
	}

	private RunResult report(String run, RunResult result) {
		Histogram h = result.latencies();
		Map<String, Double> perRequest = new LinkedHashMap<>();
		int calls = result.ok() + result.errors().values().stream().mapToInt(AtomicInteger::get).sum();
		result.cpu().forEach((group, ms) -> {
			if (calls > 0 && ms / calls >= 0.01) {
				perRequest.put(group, Math.round(ms / calls * 100) / 100.0);
			}
		});
		System.out.printf("%-26s %-9.1f %-7d %-8d %-7.2f %-7.2f %-7.2f %-8.2f %-8.1f %s%n", run, result.perSecond(),
				result.errors().values().stream().mapToInt(AtomicInteger::get).sum(), result.dropped(),
				h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
				h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, perRequest);
		if (!result.errors().isEmpty()) {
			System.out.printf("    errors: %s%n", result.errors());
		}
		return result;
	}

	private static void count(String error, AtomicInteger ok, Map<String, AtomicInteger> errors) {
		if (error == null) {
			ok.incrementAndGet();
		}
		else {
			errors.computeIfAbsent(error, key -> new AtomicInteger()).incrementAndGet();
		}
	}

	private enum Route {

		DIRECT, GATEWAY;

		@Override
		public String toString() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private record User(long id, Shard shard, String zone, String token, URI account) {
	}

}
