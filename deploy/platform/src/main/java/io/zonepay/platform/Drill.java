package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

import io.zonepay.kernel.zone.Topology;

/**
 * {@code ./zonepay drill zone-down <zone>} and {@code ./zonepay drill drain <from> <to>}:
 * disturbs the running platform under a load the drill measures itself, audits the books
 * straight from the databases, reports, and puts the platform back as it was. Exit status
 * 0 only when the audit passes (and, for a drain, no request failed).
 */
final class Drill {

	/**
	 * How long the GZone has, after the disruption, to publish that the zone's shards are
	 * served elsewhere.
	 */
	private static final Duration HANDOVER_BOUND = Duration.ofSeconds(60);

	/**
	 * The disruption waits, after the warm-up, for this long without a failed or a slow
	 * request (a platform just started answers slowly and fails requests while its JVMs
	 * warm up, and a drill that disturbs it then measures the warm-up, not the
	 * disruption) ...
	 */
	static final Duration STEADY_WINDOW = Duration.ofSeconds(5);

	/**
	 * ... slow meaning slower than this (a warm platform answers in well under half a
	 * second) ...
	 */
	static final Duration STEADY_LATENCY = Duration.ofSeconds(1);

	/**
	 * ... for at most this long after the warm-up; a platform that is not steady by then
	 * is not drilled.
	 */
	static final Duration STEADY_BOUND = Duration.ofSeconds(90);

	/**
	 * ... and, where the host says, with this share of its CPUs idle over the window: a
	 * platform just started answers in time while it still compiles its code, and then
	 * has no headroom left for the disruption (a split's first drill after {@code up}
	 * shed requests of every zone at 9 % idle; warm, the same load leaves 40 %). Past the
	 * bound the drill goes ahead without it, and says so.
	 */
	static final double STEADY_IDLE = 0.25;

	private final Installation installation;

	private final DrillOptions options;

	Drill(Installation installation, DrillOptions options) {
		this.installation = installation;
		this.options = options;
	}

	int run() throws Exception {
		return execute().passed() ? 0 : 1;
	}

	/** Runs the drill, prints its report and writes it to the run's directory. */
	Outcome execute() throws Exception {
		RunDirectory run = RunDirectory.current(installation.stateDirectory())
			.orElseThrow(() -> new IllegalStateException("ZonePay is not running; ./zonepay up first"));
		RunDirectory.Settings settings = run.settings();
		Topology topology = TopologyFile.read(settings.topologyFile());
		PlatformApi api = new PlatformApi();
		String admin = api.token(options.admin(), "1", "admin");
		RoutingSnapshot original = new DrillPreflight(api, options, admin).check(run);
		LocalDateTime startedAt = LocalDateTime.now();
		String stamp = startedAt.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
		String keyPrefix = "drill-" + stamp;
		Map<String, URI> zoneGateways = zoneGateways(topology, options);
		System.out.printf("Drill %s: making a merchant and %d users ...%n", options.describe(),
				zoneGateways.size() * options.usersPerZone());
		long perUser = options.rate() * options.duration().plus(STEADY_BOUND).toSeconds()
				/ ((long) zoneGateways.size() * options.usersPerZone()) + 1;
		Population population = new DrillSetup(api, options, admin, keyPrefix).prepare(original, zoneGateways, perUser);
		Disruption disruption = disruption(topology, api, admin, original, run, population);
		disruption.prepare();
		DrillResult result;
		try {
			// Read at the audit: a split or a merge changes the shard groups there are.
			Supplier<ShardGroupBooks> books = () -> new ShardGroupBooks(
					TopologyFile.read(run.settings().topologyFile()), settings.infrastructure());
			result = underLoad(new DrillRun(api, options, admin, population, original, disruption, keyPrefix,
					run.path().getFileName().toString(), startedAt), books);
		}
		catch (Exception | Error ex) {
			System.out.println("The drill failed: " + ex.getMessage());
			System.out.println("Restore: " + restore(options, disruption, original).line());
			throw ex;
		}
		String report = DrillReport.of(result);
		System.out.println();
		System.out.print(report);
		Restored restored = restore(options, disruption, original);
		report += "\nRestore: " + restored.line() + "\n";
		Path file = run.path().resolve("drill-" + options.kind().command() + "-" + stamp + ".txt");
		write(file, report);
		System.out.println("\nRestore: " + restored.line());
		System.out.println("Report: " + file);
		return new Outcome(options, result.passed() && restored.ok(), report, run.path());
	}

	private Disruption disruption(Topology topology, PlatformApi api, String admin, RoutingSnapshot original,
			RunDirectory run, Population population) {
		ZoneRestore zoneRestore = new ZoneRestore(api, options, admin);
		return switch (options.kind()) {
			case SPLIT,
					MERGE ->
				new CellMove(java.util.Objects.requireNonNull(options.cell()),
						options.kind() == DrillOptions.Kind.SPLIT,
						new CellChange(installation, run, api, options.admin(), admin, System.out), api, population,
						run.settings().infrastructure());
			case ZONE_DOWN -> new ZoneDown(options.zone(), installation, zoneRestore);
			case DRAIN -> new Drain(options.zone(), java.util.Objects.requireNonNull(options.target()), original, api,
					options, admin);
			case FREEZE -> new Freeze(options.zone(), options.hold(), installation, zoneRestore);
			case KAFKA_STALL -> new Freeze("kafka", options.hold(), installation, null);
			case CZONE_DOWN -> new CzoneDown(options.zone(), installation, api, options.gateways()
				.getOrDefault(
						topology.zone(io.zonepay.kernel.zone.ZoneId.of(options.zone())).orElseThrow().city().value(),
						options.admin()),
					options.admin(), admin);
			case BUSY -> new Busy(options.zone(), options.hold(), api, options, admin, original);
			case PAUSE -> new Pause(options.hold(), installation, api, options, admin, original);
			case GZONE_DOWN -> {
				requireTheTopologysWriter(api, admin);
				String city = topology.zone(io.zonepay.kernel.zone.ZoneId.of(options.zone()))
					.orElseThrow()
					.city()
					.value();
				URI otherCity = options.gateways()
					.entrySet()
					.stream()
					.filter(gateway -> !gateway.getKey().equals(city))
					.map(Map.Entry::getValue)
					.findFirst()
					.orElse(options.admin());
				yield new GzoneDown(options.zone(), installation, api, otherCity, admin);
			}
		};
	}

	/**
	 * A GZone already replaced by its standby has no standby left to promote: the drill
	 * would only take global writes away.
	 */
	private void requireTheTopologysWriter(PlatformApi api, String admin) throws IllegalStateException {
		try {
			Answer status = api.expect(200, PlatformApi.get(options.admin(), "/admin/gzone", admin),
					"the GZone's status");
			String writer = status.field("zone");
			if (!writer.equals(options.zone())) {
				throw new IllegalStateException("the writer is " + writer
						+ " already (a standby promoted before), and it has no standby to take over;"
						+ " for a fresh platform: ./zonepay down, then ./zonepay up");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted");
		}
	}

	/**
	 * A drill that ran: whether it passed, its report, and the run directory it wrote it
	 * to.
	 */
	record Outcome(DrillOptions options, boolean passed, String report, Path runDirectory) {
	}

	/**
	 * The load, the disruption at the end of its warm-up, the handover, the settling of
	 * every outcome and the audit.
	 */
	private DrillResult underLoad(DrillRun drill, Supplier<ShardGroupBooks> books) throws Exception {
		DrillOptions options = drill.options();
		Timeline timeline = new Timeline();
		DrillLoad load = new DrillLoad(drill.api(), drill.population(), options, timeline, drill.keyPrefix());
		RoutingWatch watch = new RoutingWatch(drill.api(), options, drill.adminToken(), timeline);
		System.out.printf("Load: %d operations/s for %d s; the disruption at +%d s at the earliest ...%n",
				options.rate(), options.duration().toSeconds(), options.warmUp().toSeconds());
		HostCpu cpu = HostCpu.reading();
		load.start();
		try {
			timeline.sleepUntil(options.warmUp());
			awaitSteady(load, timeline, options, options.warmUp().plus(STEADY_BOUND), cpu);
			Duration disruptedAt = timeline.now();
			load.endAt(disruptedAt.plus(options.duration().minus(options.warmUp())));
			boolean movesShards = drill.disruption().movesShards();
			if (movesShards) {
				watch.start(drill.disruption().zone(), drill.original().epoch(), disruptedAt.plus(HANDOVER_BOUND));
			}
			String disruption = drill.disruption().apply();
			System.out.printf("+%.1f s: %s%n", disruptedAt.toMillis() / 1000.0, disruption);
			DrillLoad.LoadResult loaded = load.finish();
			System.out.printf(
					"Load done: %d requests%s; waiting for the handover, settling unknown outcomes and pending"
							+ " transfers ...%n",
					loaded.attempts().size(),
					cpu.since().map(host -> " (host CPUs meanwhile: " + host + ")").orElse(""));
			RoutingWatch.Handover handover = movesShards ? watch.await(HANDOVER_BOUND.plusSeconds(5))
					: RoutingWatch.Handover.none(drill.original().epoch());
			List<String> figures = drill.disruption().figures(disruptedAt);
			Settlement.Settled settled = new Settlement(drill.api(), timeline, drill.population(), drill.keyPrefix())
				.settle(loaded.operations());
			System.out.println("Auditing the books of every shard group ...");
			var audit = new DrillAudit(books.get()).run(drill.population(), settled.operations(), drill.keyPrefix(),
					loaded.lost());
			boolean figuresHold = drill.disruption().figuresHold();
			return new DrillResult(options, drill.run(), drill.startedAt(), drill.population(),
					drill.original().epoch(), drill.original().shardsOf(drill.disruption().zone()), disruptedAt,
					disruption, handover, figures, figuresHold, loaded, settled, audit);
		}
		finally {
			load.abort();
		}
	}

	/**
	 * Waits until the requests answered in the last {@link #STEADY_WINDOW} were many,
	 * none failed and none took longer than {@link #STEADY_LATENCY}, and the host had
	 * {@link #STEADY_IDLE} of its CPUs idle; refuses to go on past a bound unless only
	 * the idle share is missing.
	 */
	private static void awaitSteady(DrillLoad load, Timeline timeline, DrillOptions options, Duration bound,
			HostCpu cpu) throws InterruptedException {
		int enough = (int) (options.rate() * STEADY_WINDOW.toSeconds() / 2);
		boolean hostSays = HostCpu.readable();
		HostCpu window = HostCpu.reading();
		Duration windowFrom = timeline.now();
		OptionalDouble idle = OptionalDouble.empty();
		while (true) {
			if (timeline.now().minus(windowFrom).compareTo(STEADY_WINDOW) >= 0) {
				idle = window.idleSince();
				window = HostCpu.reading();
				windowFrom = timeline.now();
			}
			DrillLoad.Tally recent = load.answeredSince(timeline.now().minus(STEADY_WINDOW));
			boolean answering = recent.answered() >= enough && recent.failed() == 0
					&& recent.slowest().compareTo(STEADY_LATENCY) <= 0;
			// Unknown until a whole window was read, where the host says at all.
			boolean headroom = idle.isPresent() ? idle.getAsDouble() >= STEADY_IDLE : !hostSays;
			if (answering && headroom) {
				return;
			}
			if (answering && timeline.now().compareTo(bound) >= 0) {
				System.out.printf(
						"  the host's CPUs were %.0f %% idle over the last %d s (wanted %.0f %%); going"
								+ " ahead anyway%n",
						100 * idle.orElse(0), STEADY_WINDOW.toSeconds(), 100 * STEADY_IDLE);
				return;
			}
			if (timeline.now().compareTo(bound) >= 0) {
				throw new IllegalStateException(
						("the platform was not steady before the disruption: of the %d requests answered in the"
								+ " last %d s, %d failed and the slowest took %d ms, %d s into the load%s. Nothing"
								+ " was disrupted. It may still be warming up, or the host may be too busy for %d"
								+ " operations/s: run the drill again, later or with a lower --rate")
							.formatted(recent.answered(), STEADY_WINDOW.toSeconds(), recent.failed(),
									recent.slowest().toMillis(), timeline.now().toSeconds(),
									cpu.since().map(host -> " (the host's CPUs meanwhile: " + host + ")").orElse(""),
									options.rate()));
			}
			Thread.sleep(200);
		}
	}

	/**
	 * Puts the platform back, unless told not to; a failure to is reported, not thrown,
	 * so the report still comes out.
	 */
	private static Restored restore(DrillOptions options, Disruption disruption, RoutingSnapshot original) {
		if (!options.restore()) {
			return new Restored(
					"not done (--no-restore). To put the platform back: " + disruption.manualRestore(original), true);
		}
		try {
			return new Restored(disruption.restore(original), true);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			return new Restored("FAILED: " + ex.getMessage() + ". By hand: " + disruption.manualRestore(original),
					false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Restored("interrupted. By hand: " + disruption.manualRestore(original), false);
		}
	}

	/**
	 * The gateway of each RZone's city: a zone's users call it, as a city's users call
	 * their nearest gateway.
	 */
	private static Map<String, URI> zoneGateways(Topology topology, DrillOptions options) {
		Map<String, URI> gateways = new LinkedHashMap<>();
		for (Topology.ZoneSpec rzone : topology.rzones()) {
			URI gateway = options.gateways().get(rzone.city().value());
			if (gateway == null) {
				throw new IllegalArgumentException(
						"no gateway for city " + rzone.city() + " of " + rzone.id() + "; name it with --gateways");
			}
			gateways.put(rzone.id().value(), gateway);
		}
		return gateways;
	}

	private static void write(Path file, String report) {
		try {
			Files.writeString(file, report);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + file, ex);
		}
	}

	/** What one drill works with, once set up. */
	private record DrillRun(PlatformApi api, DrillOptions options, String adminToken, Population population,
			RoutingSnapshot original, Disruption disruption, String keyPrefix, String run, LocalDateTime startedAt) {
	}

	private record Restored(String line, boolean ok) {
	}

}
