package io.zonepay.bench.double11;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zonepay.bench.BenchOptions;
import io.zonepay.bench.CpuMeter;
import io.zonepay.bench.report.Report;
import io.zonepay.bench.report.RunRecord;
import org.jspecify.annotations.Nullable;

/**
 * {@code ./zonepay bench double11}: the Double-11 load test against a running platform.
 * It prepares shoppers and merchants, finds the capacity for its mix (the knee), records
 * each zone's capacity at the GZone (the gateways set their limits and water levels from
 * it), then offers multiples of the capacity in an open loop shaped like the midnight
 * spike (or in steps), and writes what every second did to a JSON file and an HTML
 * report.
 */
public final class Double11 {

	private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
		.withZone(ZoneOffset.UTC);

	private Double11() {
	}

	private static final String USAGE = """
			./zonepay bench double11 [options]   (or deploy/bench/double11.sh)
			  --profile midnight|steps   the load's shape (midnight: warm-up, ramp, spike, hold, decay)
			  --spike 4                  the spike, as a multiple of the capacity (midnight)
			  --spike-seconds 30         how long the spike lasts (midnight)
			  --steps 1,2,4,8            the multiples offered one after the other (steps)
			  --step-seconds 30          how long each step lasts (steps)
			  --capacity OPS             skip the knee search: the capacity in operations/s
			  --knee-start 20            the knee search's first rate, operations/s
			  --users 1000               shoppers, spread over the 100 shards
			  --merchants 20             merchants; the first is the hot one
			  --hot-share 0.3            the share of checkouts at the hot merchant
			  --gateways URL,URL         the gateways (default http://127.0.0.1:8080,http://127.0.0.1:8081)
			  --platform NAME            what is loaded, for the report (compose: no CPU figures)
			  --warm-up SECONDS          first offer the load at the capacity (and the real traffic) that long,
			                             unrecorded: a platform just started answers slower than a warm one
			  --no-record-capacity       do not write the capacity to the GZone's switches
			  --no-cpu                   no CPU figures
			  --kill-zone rz1            kill that RZone 5 s into the peak (./zonepay up only); restored after
			  --compare FILE             a previous run's report (.html) or run (.json) to compare with
			  --out DIR                  where the run and its report go (default .zonepay/reports)
			  --title TEXT               the report's title
			  --shadow                   full-link: the load is shadow traffic (a loadtest credential, the tag), kept
			                             in the shadow schemas, while real users keep paying beside it (--real-rate);
			                             on ./zonepay up the shadow and the real books are audited after the run
			  --real-rate OPS            with --shadow, the real operations per second beside the load
			                             (default a fifth of the capacity, at least 2; 0 for none, when another
			                             real load runs, a drill's say)
			""";

	private static final Set<String> OPTIONS = Set.of("profile", "spike", "spike-seconds", "steps", "step-seconds",
			"capacity", "knee-start", "users", "merchants", "hot-share", "gateways", "platform", "no-record-capacity",
			"no-cpu", "compare", "out", "title", "kill-zone", "shadow", "real-rate", "warm-up");

	public static void main(String[] args) {
		Map<String, String> options = BenchOptions.parse(args);
		if (options.containsKey("help") || options.containsKey("h")) {
			System.out.print(USAGE);
			System.exit(0);
		}
		List<String> unknown = options.keySet().stream().filter(option -> !OPTIONS.contains(option)).toList();
		if (!unknown.isEmpty()) {
			System.err.println("unknown option(s) " + unknown + "\n" + USAGE);
			System.exit(2);
		}
		try {
			System.exit(run(args) ? 0 : 1);
		}
		catch (Exception ex) {
			ex.printStackTrace();
			System.exit(1);
		}
	}

	/**
	 * Runs the load and writes its report; answers false when a full-link run's real
	 * traffic failed other than by shedding, or its books did not audit clean.
	 */
	private static boolean run(String[] args) throws Exception {
		Map<String, String> options = BenchOptions.parse(args);
		List<URI> gateways = Arrays
			.stream(options.getOrDefault("gateways", "http://127.0.0.1:8080,http://127.0.0.1:8081").split(","))
			.map(String::strip)
			.map(URI::create)
			.toList();
		Profile profile = profile(options);
		Http http = new Http();
		boolean shadow = options.containsKey("shadow");
		long setUpStarted = System.nanoTime();
		int users = Integer.parseInt(options.getOrDefault("users", "1000"));
		Shoppers.Prepared prepared = Shoppers.prepare(http, gateways, users,
				Integer.parseInt(options.getOrDefault("merchants", "20")), shadow);
		List<String> zones = prepared.shoppers().stream().map(Shopper::zone).distinct().sorted().toList();
		System.out.printf("prepared %d %sshoppers in %s and %d merchants in %.0f s%n", prepared.shoppers().size(),
				shadow ? "shadow " : "", zones, prepared.merchants().size(), (System.nanoTime() - setUpStarted) / 1e9);
		Mix mix = new Mix(prepared.shoppers(), prepared.merchants(),
				Double.parseDouble(options.getOrDefault("hot-share", "0.3")));
		Operations operations = new Operations(http);

		RunRecord.Capacity capacity = capacity(options, mix, operations, zones);
		System.out.printf("capacity %.1f operations/s (%.1f checkouts/s); per zone, requests/s: %s%n",
				capacity.operationsPerSecond(), capacity.checkoutsPerSecond(), capacity.zones());
		// Shadow traffic is the lowest priority class, refused first: the capacity it
		// finds
		// is its own share, not the zones'.
		if (!options.containsKey("no-record-capacity") && !shadow) {
			recordCapacity(http, gateways.getFirst(), prepared.adminToken(), capacity);
		}
		double realRate = Double.parseDouble(options.getOrDefault("real-rate",
				Double.toString(Math.max(2, Knee.round(capacity.operationsPerSecond() / 5)))));
		// Made once the rate is known: none when the run offers no real traffic of its
		// own.
		List<Shopper> realShoppers = shadow && realRate > 0
				? Shoppers.shoppers(http, gateways, Math.max(100, users / 4), false) : List.of();
		if (!realShoppers.isEmpty()) {
			System.out.printf("prepared %d real shoppers to pay beside the load test%n", realShoppers.size());
		}
		Mix realMix = realShoppers.isEmpty() ? null : new Mix(realShoppers, prepared.merchants(),
				Double.parseDouble(options.getOrDefault("hot-share", "0.3")));
		int warmUp = Integer.parseInt(options.getOrDefault("warm-up", "0"));
		if (warmUp > 0) {
			warmUp(warmUp, capacity.operationsPerSecond(), mix, realMix, realRate, http, zones);
		}
		boolean audited = shadow && localPlatform(options);
		Map<String, Long> realBefore = audited ? FullLinkAudits.realCounts() : Map.of();

		CpuMeter cpu = cpuMeter(options);
		Instant startedAt = Instant.now();
		long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
		Tally tally = new Tally(profile.seconds(), zones, origin);
		Map<Integer, Map<String, Double>> cpuBySecond = sampleCpu(cpu, origin, profile.seconds());
		ZoneKill kill = killAtThePeak(options, http, gateways.getFirst(), prepared.adminToken(), profile, origin);
		Tally real = new Tally(profile.seconds(), zones, origin);
		Thread realLoop = realMix != null ? beside(real, origin, realRate, realMix, new Operations(http)) : null;
		OpenLoop.run(tally, origin, at -> profile.multipleAt(at) * capacity.operationsPerSecond(), mix, operations);
		if (realLoop != null) {
			realLoop.join();
		}
		if (kill != null) {
			kill.restore();
		}

		RunRecord run = record(options, gateways, startedAt, capacity, profile, tally, cpuBySecond);
		if (shadow) {
			System.out.println(audited ? "auditing the shadow and the real books ..."
					: "(the books are audited on ./zonepay up only)");
			List<RunRecord.Audit> audits = audited
					? FullLinkAudits.run(http, realBefore, realRate > 0 ? real : null, prepared.shoppers()) : List.of();
			run = withFullLink(run, fullLink(realRate, capacity, profile, real, audits));
		}
		Path directory = Path.of(options.getOrDefault("out", ".zonepay/reports"));
		Files.createDirectories(directory);
		String name = "double11-" + FILE_TIME.format(run.startedAt());
		Path json = directory.resolve(name + ".json");
		Path html = directory.resolve(name + ".html");
		Report.writeJson(run, json);
		String compare = options.get("compare");
		Report.write(run, compare == null ? null : Report.read(Path.of(compare)), html);
		print(run);
		System.out.printf("%nrun:    %s%nreport: %s%n", json.toAbsolutePath(), html.toAbsolutePath());
		return run.fullLink() == null || printFullLink(run.fullLink());
	}

	/** The real traffic beside the load test and the audits; answers whether all held. */
	private static boolean printFullLink(RunRecord.FullLink fullLink) {
		System.out.printf("%nreal traffic beside the load test, %.1f operations/s:%n",
				fullLink.realOperationsPerSecond());
		long errors = 0;
		for (RunRecord.PhaseSummary phase : fullLink.realSummary()) {
			System.out.printf("  %-8s offered %.1f/s, checkouts %.1f/s, p99 %.0f ms, shed %s, errors %d%n",
					phase.phase(), phase.offeredPerSecond(), phase.checkoutGoodput(), phase.checkoutP99Ms(),
					phase.shedShare(), phase.errors());
			errors += phase.errors();
		}
		printErrorCodes("real", fullLink.realSeconds());
		fullLink.audits().forEach(audit -> {
			System.out.println((audit.passed() ? "PASS " : "FAIL ") + audit.name());
			audit.lines().forEach(line -> System.out.println("     " + line));
		});
		return errors == 0 && (fullLink.audits().isEmpty() || fullLink.audited());
	}

	/**
	 * Offers the load at the capacity, and the real traffic at its rate, for a while
	 * before the run, unrecorded: a platform just started (its JIT, pools and caches
	 * cold) answers its first seconds far slower than it does once warm, which is not
	 * what a run of a few seconds a step means to measure.
	 */
	private static void warmUp(int seconds, double rate, Mix mix, @Nullable Mix realMix, double realRate, Http http,
			List<String> zones) throws InterruptedException {
		System.out.printf("warming up for %d s at %.1f operations/s%n", seconds, rate);
		long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
		Thread realLoop = realMix == null ? null
				: beside(new Tally(seconds, zones, origin), origin, realRate, realMix, new Operations(http));
		OpenLoop.run(new Tally(seconds, zones, origin), origin, at -> rate, mix, new Operations(http));
		if (realLoop != null) {
			realLoop.join();
		}
	}

	/**
	 * The real traffic of a full-link run, on a thread of its own: an open loop at a
	 * constant rate beside the shadow load.
	 */
	private static Thread beside(Tally real, long origin, double rate, Mix mix, Operations operations) {
		return Thread.ofPlatform().name("real-traffic").start(() -> {
			try {
				OpenLoop.run(real, origin, at -> rate, mix, operations);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
	}

	private static RunRecord.FullLink fullLink(double realRate, RunRecord.Capacity capacity, Profile profile,
			Tally real, List<RunRecord.Audit> audits) {
		double multiple = capacity.operationsPerSecond() == 0 ? 0
				: Knee.round(realRate / capacity.operationsPerSecond());
		List<RunRecord.Second> seconds = new ArrayList<>();
		for (int t = 0; t < profile.seconds(); t++) {
			seconds.add(real.second(t, profile.phaseAt(t).name(), multiple, capacity.zones(), Map.of()));
		}
		List<RunRecord.PhaseSummary> summary = new ArrayList<>();
		for (RunRecord.Phase phase : profile.phases()) {
			summary.add(summary(real.window(phase.fromSecond(), phase.toSecond()), phase.name(), multiple, capacity));
		}
		return new RunRecord.FullLink(realRate, seconds, summary, audits);
	}

	private static RunRecord withFullLink(RunRecord run, RunRecord.FullLink fullLink) {
		return new RunRecord(run.schema(), run.title(), run.startedAt(), run.target(), run.capacity(), run.phases(),
				run.seconds(), run.summary(), fullLink);
	}

	private static boolean localPlatform(Map<String, String> options) {
		return !"compose".equals(options.get("platform")) && Files.exists(Path.of(".zonepay/current"));
	}

	private static Profile profile(Map<String, String> options) {
		String shape = options.getOrDefault("profile", "midnight");
		return switch (shape) {
			case "midnight" -> Profile.midnight(Double.parseDouble(options.getOrDefault("spike", "4")),
					Integer.parseInt(options.getOrDefault("spike-seconds", "30")));
			case "steps" -> Profile.steps(Arrays.stream(options.getOrDefault("steps", "1,2,4,8").split(","))
				.map(String::strip)
				.map(Double::parseDouble)
				.toList(), Integer.parseInt(options.getOrDefault("step-seconds", "30")));
			default -> throw new IllegalArgumentException("--profile is midnight or steps, not " + shape);
		};
	}

	/** The knee search, unless {@code --capacity} gives the operations per second. */
	private static RunRecord.Capacity capacity(Map<String, String> options, Mix mix, Operations operations,
			List<String> zones) throws InterruptedException {
		String given = options.get("capacity");
		if (given != null) {
			double perSecond = Double.parseDouble(given);
			Map<String, Double> perZone = new TreeMap<>();
			zones.forEach(zone -> perZone.put(zone, Knee.round(perSecond * (1 + Mix.checkoutShare()) / zones.size())));
			return new RunRecord.Capacity(perSecond, Knee.round(perSecond * Mix.checkoutShare()), perZone, List.of());
		}
		System.out.println("finding the knee (capacity) ...");
		return Knee.find(Double.parseDouble(options.getOrDefault("knee-start", "20")), mix, operations, zones);
	}

	/**
	 * Writes each zone's capacity at the GZone ({@code zone.<id>.capacity}, requests/s),
	 * where the gateways read it.
	 */
	private static void recordCapacity(Http http, URI gateway, String admin, RunRecord.Capacity capacity)
			throws Exception {
		for (Map.Entry<String, Double> zone : capacity.zones().entrySet()) {
			long perSecond = Math.max(1, Math.round(zone.getValue()));
			http.setUp(Http.put(gateway.resolve("/admin/switches/zone." + zone.getKey() + ".capacity"), admin,
					"{\"value\": " + perSecond + "}"), 200);
		}
		System.out.println("recorded each zone's capacity at the GZone (switches zone.<id>.capacity)");
	}

	/**
	 * With {@code --kill-zone}, the zone killed 5 s into the highest phase (on the local
	 * platform only).
	 */
	private static @Nullable ZoneKill killAtThePeak(Map<String, String> options, Http http, URI gateway, String admin,
			Profile profile, long origin) throws Exception {
		String zone = options.get("kill-zone");
		if (zone == null) {
			return null;
		}
		if (!Files.exists(Path.of(".zonepay/current"))) {
			throw new IllegalArgumentException("--kill-zone needs the local platform (./zonepay up)");
		}
		ZoneKill kill = new ZoneKill(http, gateway, admin, zone);
		RunRecord.Phase peak = profile.phases()
			.stream()
			.max(Comparator.comparingDouble(RunRecord.Phase::startMultiple))
			.orElseThrow();
		long at = origin + TimeUnit.SECONDS.toNanos(peak.fromSecond() + 5) - System.nanoTime();
		ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor();
		killer.schedule(kill::kill, at, TimeUnit.NANOSECONDS);
		killer.shutdown();
		return kill;
	}

	/** CPU per process where the platform runs on this machine ({@code ./zonepay up}). */
	private static @Nullable CpuMeter cpuMeter(Map<String, String> options) throws Exception {
		Path current = Path.of(".zonepay/current");
		if (options.containsKey("no-cpu") || "compose".equals(options.get("platform")) || !Files.exists(current)) {
			return null;
		}
		return new CpuMeter(Path.of(Files.readString(current).strip()));
	}

	/** A snapshot at every second's end, as the CPU-ms each process group used in it. */
	private static Map<Integer, Map<String, Double>> sampleCpu(@Nullable CpuMeter cpu, long origin, int seconds) {
		Map<Integer, Map<String, Double>> bySecond = new ConcurrentHashMap<>();
		if (cpu == null) {
			return bySecond;
		}
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
			Thread thread = new Thread(runnable, "cpu-sampler");
			thread.setDaemon(true);
			return thread;
		});
		CpuMeter.Snapshot[] last = { null };
		int[] second = { -1 };
		sampler.scheduleAtFixedRate(() -> {
			try {
				CpuMeter.Snapshot now = cpu.snapshot();
				if (last[0] != null && second[0] < seconds) {
					Map<String, Double> used = new TreeMap<>();
					now.since(last[0]).forEach((group, ms) -> used.put(group, Knee.round(ms)));
					bySecond.put(second[0], used);
				}
				last[0] = now;
				second[0]++;
				if (second[0] >= seconds) {
					sampler.shutdown();
				}
			}
			catch (Exception ex) {
				sampler.shutdown();
			}
		}, Math.max(0, origin - System.nanoTime()), TimeUnit.SECONDS.toNanos(1), TimeUnit.NANOSECONDS);
		return bySecond;
	}

	private static RunRecord record(Map<String, String> options, List<URI> gateways, Instant startedAt,
			RunRecord.Capacity capacity, Profile profile, Tally tally, Map<Integer, Map<String, Double>> cpu) {
		List<RunRecord.Second> seconds = new ArrayList<>();
		for (int t = 0; t < profile.seconds(); t++) {
			RunRecord.Phase phase = profile.phaseAt(t);
			seconds.add(tally.second(t, phase.name(), Knee.round(profile.multipleAt(t + 0.5)), capacity.zones(),
					cpu.getOrDefault(t, Map.of())));
		}
		List<RunRecord.PhaseSummary> summary = new ArrayList<>();
		for (RunRecord.Phase phase : profile.phases()) {
			// A ramp or a decay is judged by its mean load, not its peak: a decay from 1x
			// to
			// 0.3x offers well below the capacity, so its goodput is too.
			summary.add(summary(tally.window(phase.fromSecond(), phase.toSecond()), phase.name(),
					Knee.round((phase.startMultiple() + phase.endMultiple()) / 2), capacity));
		}
		String platform = options.getOrDefault("platform",
				Files.exists(Path.of(".zonepay/current")) ? "zonepay up" : "compose");
		String killed = options.containsKey("kill-zone") ? ", " + options.get("kill-zone") + " killed at the peak" : "";
		String shadow = options.containsKey("shadow") ? ", full-link on shadow traffic" : "";
		String title = options.getOrDefault("title",
				"Double 11 on " + platform + ", " + describe(profile) + shadow + killed);
		return new RunRecord(
				RunRecord.SCHEMA, title, startedAt, new RunRecord.Target(platform,
						gateways.stream().map(URI::toString).toList(), Runtime.getRuntime().availableProcessors()),
				capacity, profile.phases(), seconds, summary);
	}

	private static RunRecord.PhaseSummary summary(Tally.Window window, String phase, double multiple,
			RunRecord.Capacity capacity) {
		Map<String, Double> shedShare = new LinkedHashMap<>();
		for (int c = 0; c < Kind.CLASSES.size(); c++) {
			long offered = window.offered()[c];
			shedShare.put(Kind.CLASSES.get(c), offered == 0 ? 0 : Knee.round(window.shed()[c] / (double) offered));
		}
		double goodput = window.checkoutsPerSecond();
		return new RunRecord.PhaseSummary(phase, multiple, Knee.round(window.offeredPerSecond()), Knee.round(goodput),
				capacity.checkoutsPerSecond() == 0 ? 0 : Knee.round(goodput / capacity.checkoutsPerSecond()),
				Knee.round(window.paymentP99Millis()), shedShare, window.errors());
	}

	private static String describe(Profile profile) {
		return profile.phases().stream().anyMatch(phase -> phase.name().equals("spike"))
				? "midnight spike at " + profile.phases().get(2).startMultiple() + "x"
				: "steps " + profile.phases().stream().map(RunRecord.Phase::name).toList();
	}

	private static void print(RunRecord run) {
		System.out.printf("%n%-8s %-6s %-10s %-12s %-7s %-9s %-30s %s%n", "phase", "load", "offered/s", "checkouts/s",
				"share", "p99 ms", "shed (checkout/transfer/read/bg)", "errors");
		for (RunRecord.PhaseSummary phase : run.summary()) {
			Map<String, Double> shed = phase.shedShare();
			System.out.printf("%-8s %-6s %-10.1f %-12.1f %-7.2f %-9.1f %-30s %d%n", phase.phase(),
					phase.multiple() + "x", phase.offeredPerSecond(), phase.checkoutGoodput(),
					phase.checkoutShareOfCapacity(), phase.checkoutP99Ms(), String.format("%.2f/%.2f/%.2f/%.2f",
							shed.get("checkout"), shed.get("transfer"), shed.get("read"), shed.get("background")),
					phase.errors());
		}
		printErrorCodes("shadow", run.seconds());
	}

	/** The failed operations by code, if any: what a red run is read from first. */
	private static void printErrorCodes(String traffic, List<RunRecord.Second> seconds) {
		Map<String, Integer> codes = new TreeMap<>();
		seconds.forEach(second -> second.errors().forEach((code, count) -> codes.merge(code, count, Integer::sum)));
		if (!codes.isEmpty()) {
			System.out.printf("%s operations failed, by code: %s%n", traffic, codes);
		}
	}

}
