package io.zonepay.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Payments per second end to end, through the gateways, as clients make them:
 * {@code POST /api/payments} of orders placed beforehand, by users spread over all 100
 * shards (so over every RZone), each through its own city's gateway.
 *
 * <p>
 * Two kinds of run: saturation, a closed loop of N clients that each pay, wait for the
 * answer and pay again; and a fixed rate, an open loop that starts payments on schedule
 * whatever the answers (latency counts from the scheduled start, so a stall is not
 * hidden). For each run: payments/s, errors, latency percentiles, and CPU-ms per payment
 * for the whole machine and per process, from {@code /proc}.
 *
 * <p>
 * Needs {@code ./zonepay up}. Run
 * {@code deploy/bench/payment-load.sh [--concurrency 8,32] [--rates 50,100] [--seconds 30]
 * [--warm-up 10] [--users 2000] [--orders 20000] [--idle 10] [--half-rate] [--flash-sale 0.8]
 * [--flash-orders 6000]}: {@code --half-rate} adds a fixed-rate run at half the best
 * saturation rate; {@code --flash-sale} runs the best saturation's clients on spread
 * orders and on orders of which that share goes to one merchant, half a run at a time:
 * spread, flash, flash, spread.
 */
public final class PaymentLoad {

	private static final int SETUP_ATTEMPTS = 10;

	private static final int MERCHANTS = 50;

	private static final long AMOUNT = 100;

	/**
	 * Bounds the payments in flight of a fixed-rate run; past it a payment is counted as
	 * dropped: the mark of saturation.
	 */
	private static final int MAX_IN_FLIGHT = 512;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newFixedThreadPool(4))
		.build();

	private final Client client = new Client();

	private final URI hz;

	private final URI sh;

	private final CpuMeter cpu;

	private final Queue<Order> orders = new ConcurrentLinkedQueue<>();

	/** A flash sale's orders: most of them to one merchant ({@code --flash-sale}). */
	private final Queue<Order> flashOrders = new ConcurrentLinkedQueue<>();

	private String hotMerchant = "";

	private PaymentLoad(URI hz, URI sh, CpuMeter cpu) {
		this.hz = hz;
		this.sh = sh;
		this.cpu = cpu;
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = BenchOptions.parse(args);
		List<URI> gateways = Arrays
			.stream(options.getOrDefault("gateways", "http://localhost:8080,http://localhost:8081").split(","))
			.map(URI::create)
			.toList();
		// The platform's current run directory names its processes' pids.
		Path run = options.containsKey("run") ? Path.of(options.get("run"))
				: Path.of(Files.readString(Path.of(".zonepay/current")).strip());
		PaymentLoad load = new PaymentLoad(gateways.get(0), gateways.get(1), new CpuMeter(run));
		Duration seconds = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
		Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warm-up", "10")));
		double flashShare = Double.parseDouble(options.getOrDefault("flash-sale", "0"));
		int flashOrders = flashShare > 0 ? Integer.parseInt(options.getOrDefault("flash-orders", "6000")) : 0;
		load.prepare(Integer.parseInt(options.getOrDefault("users", "2000")),
				Integer.parseInt(options.getOrDefault("orders", "20000")), flashOrders, flashShare);
		Map<String, Double> idle = load.idle(Duration.ofSeconds(Long.parseLong(options.getOrDefault("idle", "10"))));
		System.out.printf("%nidle platform: %.0f CPU-ms/s (%s)%n", idle.get("machine"), breakdown(idle, 1));
		System.out.printf("%n%-16s %-9s %-7s %-8s %-7s %-7s %-7s %-8s %-10s %-10s%n", "run", "paid/s", "errors",
				"dropped", "p50 ms", "p90 ms", "p99 ms", "max ms", "CPU-ms/pay", "net of idle");
		double best = 0;
		int bestClients = 0;
		for (String concurrency : options.getOrDefault("concurrency", "8,32").split(",")) {
			if (!concurrency.isBlank()) {
				int clients = Integer.parseInt(concurrency.strip());
				load.closedLoop(clients, warmUp, load.orders);
				RunResult result = load.closedLoop(clients, seconds, load.orders);
				load.report("saturation c=" + clients, result, idle);
				if (result.perSecond() > best) {
					best = result.perSecond();
					bestClients = clients;
				}
			}
		}
		if (best > 0) {
			System.out.printf("%nsaturation %.1f/s (%d clients)%n", best, bestClients);
		}
		if (best > 0 && options.containsKey("half-rate")) {
			int half = (int) Math.max(1, Math.round(best / 2));
			load.openLoop(half, warmUp);
			RunResult result = load.openLoop(half, seconds);
			load.report("rate " + half + "/s", result, idle);
			System.out.printf("half-rate %d/s: p50 %.1f ms, p99 %.1f ms, %d errors%n", half,
					result.latencies().getValueAtPercentile(50) / 1e3,
					result.latencies().getValueAtPercentile(99) / 1e3, result.failed());
		}
		if (bestClients > 0 && flashShare > 0) {
			load.flashSale(bestClients, warmUp, seconds, flashShare, idle);
		}
		for (String rate : options.getOrDefault("rates", "").split(",")) {
			if (!rate.isBlank()) {
				int perSecond = Integer.parseInt(rate.strip());
				long needed = perSecond * (warmUp.toSeconds() + seconds.toSeconds());
				if (load.orders.size() < needed) {
					System.out.printf("rate %d/s: skipped, it needs %d orders and %d are left (raise --orders)%n",
							perSecond, needed, load.orders.size());
					continue;
				}
				load.openLoop(perSecond, warmUp);
				load.report("rate " + rate + "/s", load.openLoop(perSecond, seconds), idle);
			}
		}
		System.out.printf("%n%d orders left unpaid%n", load.orders.size());
		System.exit(0);
	}

	/**
	 * Merchants, users over every shard with money, and orders for them to pay, placed
	 * through the gateways.
	 */
	private void prepare(int users, int orderCount, int flashCount, double flashShare) throws Exception {
		long started = System.nanoTime();
		String admin = client.token(hz, "1", "admin");
		List<String> merchants = new ArrayList<>();
		long version = 0;
		for (int i = 0; i < MERCHANTS; i++) {
			var created = Client.json(post(hz, admin, "/admin/merchants", null,
					"{\"name\": \"Load " + i + "\", \"currency\": \"CNY\", \"status\": \"ACTIVE\"}")
				.body());
			merchants.add(created.get("merchantId").asString());
			version = Math.max(version, created.get("version").asLong());
		}
		for (URI gateway : List.of(hz, sh)) {
			while (client.send(client
				.request(gateway.resolve("/api/merchants/" + merchants.getLast() + "?min-version=" + version), admin)
				.GET()
				.build()).statusCode() != 200) {
				Thread.sleep(100);
			}
		}
		hotMerchant = merchants.getFirst();
		long perUser = (orderCount + flashCount + users - 1) / users;
		List<Shopper> shoppers = Parallel.run(users, i -> {
			URI gateway = i % 100 < 50 ? hz : sh;
			long id = Long
				.parseLong(Client
					.json(expect(201,
							post(gateway, "", "/api/users", null,
									"{\"name\": \"Shopper\", \"shard\": " + i % 100 + "}"))
						.body())
					.get("userId")
					.asString());
			Shopper shopper = new Shopper(id, client.token(gateway, Long.toString(id), "user"), gateway);
			expect(201, post(gateway, shopper.token(), "/api/users/" + id + "/deposits", UUID.randomUUID().toString(),
					"{\"amount\": " + perUser * AMOUNT + ", \"currency\": \"CNY\"}"));
			return shopper;
		});
		List<Order> placed = Parallel.run(orderCount, i -> {
			Shopper shopper = shoppers.get(i % users);
			HttpResponse<String> order = expect(201,
					post(shopper.gateway(), shopper.token(), "/api/orders", UUID.randomUUID().toString(),
							"{\"merchantId\": \"" + merchants.get(i % MERCHANTS) + "\", \"amount\": " + AMOUNT
									+ ", \"currency\": \"CNY\"}"));
			return new Order(shopper, Client.json(order.body()).get("orderId").asString());
		});
		orders.addAll(placed);
		// Order i of the flash sale goes to the hot merchant unless it falls in the
		// spread
		// share: with 0.8, four orders in five, spread the same way over the whole sale.
		flashOrders.addAll(Parallel.run(flashCount, i -> {
			Shopper shopper = shoppers.get(i % users);
			boolean hot = Math.floor((i + 1) * flashShare) > Math.floor(i * flashShare);
			String merchant = hot ? hotMerchant : merchants.get(1 + i % (MERCHANTS - 1));
			HttpResponse<String> order = expect(201, post(shopper.gateway(), shopper.token(), "/api/orders",
					UUID.randomUUID().toString(),
					"{\"merchantId\": \"" + merchant + "\", \"amount\": " + AMOUNT + ", \"currency\": \"CNY\"}"));
			return new Order(shopper, Client.json(order.body()).get("orderId").asString());
		}));
		System.out.printf(
				"prepared %d merchants, %d users over 100 shards, %d orders (+%d for a flash sale) in %.0f s%n",
				MERCHANTS, users, orderCount, flashCount, (System.nanoTime() - started) / 1e9);
	}

	/** N clients, each paying the next order as soon as its last payment was answered. */
	private RunResult closedLoop(int clients, Duration duration, Queue<Order> from) throws Exception {
		Recorder latencies = new Recorder(3);
		Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
		AtomicInteger paid = new AtomicInteger();
		long deadline = System.nanoTime() + duration.toNanos();
		CpuMeter.Snapshot before = cpu.snapshot();
		long started = System.nanoTime();
		try (ExecutorService threads = Executors.newFixedThreadPool(clients)) {
			for (int i = 0; i < clients; i++) {
				threads.submit(() -> {
					Order order;
					while (System.nanoTime() < deadline && (order = from.poll()) != null) {
						long start = System.nanoTime();
						String outcome = outcome(http.send(pay(order), HttpResponse.BodyHandlers.ofString()));
						latencies.recordValue((System.nanoTime() - start) / 1_000);
						count(outcome, paid, errors);
					}
					return null;
				});
			}
		}
		return new RunResult(paid.get(), (System.nanoTime() - started) / 1e9, errors, 0,
				latencies.getIntervalHistogram(), cpu.snapshot().since(before));
	}

	/** Payments started on a fixed schedule, whatever the answers. */
	private RunResult openLoop(int rate, Duration duration) throws Exception {
		Recorder latencies = new Recorder(3);
		Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
		AtomicInteger paid = new AtomicInteger();
		CpuMeter.Snapshot before = cpu.snapshot();
		FixedRate.Run run = FixedRate.run(rate, duration, MAX_IN_FLIGHT, TIMEOUT.plusSeconds(5), (n, intended) -> {
			Order order = orders.poll();
			if (order == null) {
				return null;
			}
			return http.sendAsync(pay(order), HttpResponse.BodyHandlers.ofString())
				.whenComplete((response, failure) -> {
					latencies.recordValue(Math.max(0, System.nanoTime() - intended) / 1_000);
					count(failure == null ? outcome(response) : failure.getClass().getSimpleName(), paid, errors);
				});
		});
		return new RunResult(paid.get(), run.seconds(), errors, run.dropped(), latencies.getIntervalHistogram(),
				cpu.snapshot().since(before));
	}

	/**
	 * The same clients paying spread orders and the flash sale's (most to one merchant),
	 * half a run at a time in the order spread, flash, flash, spread: the hot merchant's
	 * receivable is the only difference. This host's speed drifts by a fifth within
	 * minutes (every process of the platform slows alike, docs/benchmarks.md); a run of
	 * each, one after the other, read such a drift as the merchant's, where a drift that
	 * is steady over the four halves cancels out of their sums.
	 */
	private void flashSale(int clients, Duration warmUp, Duration seconds, double share, Map<String, Double> idle)
			throws Exception {
		Duration half = seconds.dividedBy(2);
		closedLoop(clients, warmUp, orders);
		RunResult spreadFirst = closedLoop(clients, half, orders);
		closedLoop(clients, warmUp, flashOrders);
		RunResult hot = closedLoop(clients, half, flashOrders).plus(closedLoop(clients, half, flashOrders));
		boolean flashRanOut = flashOrders.isEmpty();
		closedLoop(clients, warmUp, orders);
		RunResult spread = spreadFirst.plus(closedLoop(clients, half, orders));
		report("spread c=" + clients, spread, idle, orders.isEmpty());
		report("flash c=" + clients, hot, idle, flashRanOut);
		System.out.printf("hot merchant %s%n", hotMerchant);
		System.out.printf("flash sale (%.0f %% to one merchant) %.1f/s, spread %.1f/s: %.2f%n", share * 100,
				hot.perSecond(), spread.perSecond(), hot.perSecond() / spread.perSecond());
	}

	private Map<String, Double> idle(Duration duration) throws Exception {
		CpuMeter.Snapshot before = cpu.snapshot();
		Thread.sleep(duration.toMillis());
		Map<String, Double> used = cpu.snapshot().since(before);
		used.replaceAll((group, ms) -> ms / duration.toSeconds());
		return used;
	}

	private void report(String run, RunResult result, Map<String, Double> idlePerSecond) {
		report(run, result, idlePerSecond, orders.isEmpty());
	}

	private void report(String run, RunResult result, Map<String, Double> idlePerSecond, boolean ranOut) {
		if (result.ok() == 0) {
			System.out.printf("%-16s no payment succeeded%s%n", run,
					orders.isEmpty() ? ": no orders left (raise --orders)" : " " + result.errors());
			return;
		}
		double perSecond = result.ok() / result.seconds();
		double machine = result.cpu().get("machine") / result.ok();
		double net = (result.cpu().get("machine") - idlePerSecond.get("machine") * result.seconds()
				- result.cpu().getOrDefault("bench client", 0.0)) / result.ok();
		Histogram h = result.latencies();
		System.out.printf("%-16s %-9.1f %-7d %-8d %-7.1f %-7.1f %-7.1f %-8.1f %-10.2f %-10.2f%n", run, perSecond,
				result.errors().values().stream().mapToInt(AtomicInteger::get).sum(), result.dropped(),
				h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3,
				h.getMaxValue() / 1e3, machine, net);
		if (!result.errors().isEmpty()) {
			System.out.printf("    errors: %s%n", result.errors());
		}
		if (ranOut) {
			System.out
				.printf("    the orders ran out during this run: it covers less than its window (raise --orders)%n");
		}
		System.out.printf("    CPU-ms per payment: %s%n", breakdown(result.cpu(), result.ok()));
	}

	private static String breakdown(Map<String, Double> used, double per) {
		Map<String, Double> groups = new LinkedHashMap<>();
		used.forEach((group, ms) -> {
			if (!group.equals("machine") && ms / per >= 0.05) {
				groups.put(group, Math.round(ms / per * 100) / 100.0);
			}
		});
		return groups.toString();
	}

	private HttpRequest pay(Order order) {
		return HttpRequest.newBuilder(order.shopper().gateway().resolve("/api/payments"))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + order.shopper().token())
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"orderId\": \"" + order.orderId() + "\"}"))
			.build();
	}

	private static String outcome(HttpResponse<String> response) {
		if (response.statusCode() != 201) {
			return "HTTP " + response.statusCode();
		}
		return response.body().contains("\"status\":\"SUCCEEDED\"") ? "SUCCEEDED" : "FAILED";
	}

	private static void count(String outcome, AtomicInteger paid, Map<String, AtomicInteger> errors) {
		if (outcome.equals("SUCCEEDED")) {
			paid.incrementAndGet();
		}
		else {
			errors.computeIfAbsent(outcome, key -> new AtomicInteger()).incrementAndGet();
		}
	}

	/**
	 * Sends one set-up request, and again (same key and body) after a 503 or 429 the
	 * platform answers while it warms up under the set-up's own burst (a CZone too slow
	 * to answer, say): at most {@link #SETUP_ATTEMPTS} tries, 500 ms apart or as long as
	 * Retry-After says (up to 5 s). Only a request with an Idempotency-Key is sent again:
	 * without one, a 503 after the work was done would make it twice.
	 */
	private HttpResponse<String> post(URI gateway, String token, String path, String key, String body)
			throws Exception {
		HttpRequest.Builder request = client.request(gateway.resolve(path), token)
			.header("Content-Type", "application/json");
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		HttpRequest built = request.POST(HttpRequest.BodyPublishers.ofString(body)).build();
		HttpResponse<String> response = client.send(built);
		// A sign-up takes no key: retried too, as a shed one created nobody (at worst a
		// retry leaves an unused user behind).
		boolean retriable = key != null || "/api/users".equals(path);
		for (int attempt = 1; retriable && attempt < SETUP_ATTEMPTS
				&& (response.statusCode() == 503 || response.statusCode() == 429); attempt++) {
			long pause = response.headers().firstValueAsLong("Retry-After").orElse(0) * 1000;
			Thread.sleep(Math.min(5_000, Math.max(500, pause)));
			response = client.send(built);
		}
		return response;
	}

	private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(
					"expected " + status + ", got " + response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private record Shopper(long id, String token, URI gateway) {
	}

	private record Order(Shopper shopper, String orderId) {
	}

}
