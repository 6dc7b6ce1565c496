package io.zonepay.bench.report;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import io.zonepay.bench.report.RunRecord.Capacity;
import io.zonepay.bench.report.RunRecord.KneeStep;
import io.zonepay.bench.report.RunRecord.Latency;
import io.zonepay.bench.report.RunRecord.Phase;
import io.zonepay.bench.report.RunRecord.PhaseSummary;
import io.zonepay.bench.report.RunRecord.Second;
import io.zonepay.bench.report.RunRecord.Target;

/**
 * A Double-11 run as the driver would record it, made up: 90 seconds over four zones,
 * every phase and every class, with sheds in the spike and a spike whose p99 misses its
 * goal. The same seed makes the same run.
 */
final class SyntheticRuns {

	static final List<String> PHASES = List.of("warm-up", "ramp", "spike", "hold", "decay");

	static final List<String> CLASSES = List.of("checkout", "transfer", "read", "background");

	static final List<String> ZONES = List.of("rz1", "rz2", "rz3", "rz4");

	private static final Map<String, Double> MIX = Map.of("checkout", 0.25, "transfer", 0.15, "read", 0.5, "background",
			0.1);

	private static final double CAPACITY = 1000;

	private final Random random;

	private final boolean cpuMeasured;

	private SyntheticRuns(long seed, boolean cpuMeasured) {
		this.random = new Random(seed);
		this.cpuMeasured = cpuMeasured;
	}

	static RunRecord double11(String title, long seed) {
		return new SyntheticRuns(seed, true).run(title);
	}

	/**
	 * A full-link run: the load as shadow traffic, with real traffic beside it (a second
	 * synthetic run's seconds) and its audits.
	 */
	static RunRecord fullLink(String title, long seed, boolean audited) {
		RunRecord shadow = new SyntheticRuns(seed, true).run(title);
		RunRecord real = new SyntheticRuns(seed + 1, true).run(title);
		List<RunRecord.Audit> audits = List.of(
				new RunRecord.Audit("the shadow books", true, List.of("PASS (1) every posting sums to zero: ...")),
				new RunRecord.Audit("the real books", audited,
						List.of(audited ? "PASS (3) money conserved" : "FAIL (3) money conserved",
								"     every account in CNY sums to 7")));
		return new RunRecord(shadow.schema(), shadow.title(), shadow.startedAt(), shadow.target(), shadow.capacity(),
				shadow.phases(), shadow.seconds(), shadow.summary(),
				new RunRecord.FullLink(200, real.seconds(),
						real.summary()
							.stream()
							.map(phase -> new PhaseSummary(phase.phase(), 0.2, phase.offeredPerSecond() / 10,
									phase.checkoutGoodput() / 10, 1, 40, phase.shedShare(), 0))
							.toList(),
						audits));
	}

	/** A run against a platform on another machine: no CPU measured. */
	static RunRecord double11WithoutCpu(String title, long seed) {
		return new SyntheticRuns(seed, false).run(title);
	}

	private RunRecord run(String title) {
		List<Phase> phases = List.of(new Phase("warm-up", 0, 10, 0.5, 0.5), new Phase("ramp", 10, 30, 0.5, 8),
				new Phase("spike", 30, 50, 8, 8), new Phase("hold", 50, 75, 1, 1),
				new Phase("decay", 75, 90, 0.9, 0.3));
		List<Second> seconds = new ArrayList<>();
		for (Phase phase : phases) {
			for (int t = phase.fromSecond(); t < phase.toSecond(); t++) {
				double along = (t - phase.fromSecond()) / (double) (phase.toSecond() - phase.fromSecond());
				seconds.add(second(t, phase,
						phase.startMultiple() + along * (phase.endMultiple() - phase.startMultiple())));
			}
		}
		Capacity capacity = new Capacity(CAPACITY, CAPACITY * MIX.get("checkout"), perZone((zone) -> 520.0 + 10 * zone),
				List.of(new KneeStep(250, 249, 40, 0), new KneeStep(500, 497, 55, 0),
						new KneeStep(1000, 990, 180, 0.01), new KneeStep(1500, 1040, 900, 0.3),
						new KneeStep(2000, 1010, 1400, 0.48)));
		return new RunRecord(RunRecord.SCHEMA, title, Instant.parse("2026-11-11T00:00:00.123456789Z"),
				new Target("zonepay up", List.of("http://localhost:8080", "http://localhost:8081"), 8), capacity,
				phases, seconds, phases.stream().map((phase) -> summary(phase, seconds)).toList());
	}

	private Second second(int t, Phase phase, double multiple) {
		Map<String, Integer> offered = new LinkedHashMap<>();
		Map<String, Integer> admitted = new LinkedHashMap<>();
		Map<String, Integer> succeeded = new LinkedHashMap<>();
		Map<String, Integer> shed = new LinkedHashMap<>();
		// Checkouts are admitted first, background last, each up to a little over its
		// share
		// of the capacity, until the capacity is spent.
		double room = CAPACITY * 1.05;
		for (String name : CLASSES) {
			int asked = (int) Math.round(multiple * CAPACITY * MIX.get(name) * (0.95 + 0.1 * random.nextDouble()));
			int let = (int) Math.min(Math.min(asked, CAPACITY * MIX.get(name) * 1.1), Math.max(0, room));
			room -= let;
			offered.put(name, asked);
			admitted.put(name, let);
			succeeded.put(name, let - random.nextInt(2));
			shed.put(name, asked - let);
		}
		Map<String, Integer> errors = (t % 7 == 0) ? Map.of("TIMEOUT", 1 + random.nextInt(3), "IO", 1) : Map.of();
		double load = Math.min(multiple, 1.05);
		double p99 = "spike".equals(phase.name()) ? 1200 : 120 + 300 * load;
		Map<String, Latency> latency = new LinkedHashMap<>();
		latency.put("all", latency(p99));
		ZONES.forEach((zone) -> latency.put(zone, latency(p99)));
		Map<String, Double> cpu = cpuMeasured ? Map.of("machine", 7000 * load, "gateway", 1500 * load,
				"payment-service", 2500 * load, "postgres", 2000 * load, "bench client", 600 * load) : Map.of();
		return new Second(t, phase.name(), multiple, offered, admitted, succeeded, shed, errors, latency,
				perZone((zone) -> load * (0.9 + 0.2 * random.nextDouble())), cpu);
	}

	private Latency latency(double p99) {
		double spread = 0.8 + 0.4 * random.nextDouble();
		return new Latency(p99 / 8 * spread, p99 * spread, p99 * 1.6 * spread, 200 + random.nextInt(50));
	}

	private static Map<String, Double> perZone(Function<Integer, Double> value) {
		Map<String, Double> zones = new LinkedHashMap<>();
		for (int zone = 0; zone < ZONES.size(); zone++) {
			zones.put(ZONES.get(zone), value.apply(zone));
		}
		return zones;
	}

	private static PhaseSummary summary(Phase phase, List<Second> seconds) {
		List<Second> in = seconds.stream().filter((second) -> second.phase().equals(phase.name())).toList();
		double offered = in.stream().mapToInt((second) -> sum(second.offered())).average().orElse(0);
		double checkouts = in.stream().mapToInt((second) -> second.succeeded().get("checkout")).average().orElse(0);
		double p99 = in.stream().mapToDouble((second) -> second.latency().get("all").p99()).max().orElse(0);
		Map<String, Double> shedShare = new LinkedHashMap<>();
		for (String name : CLASSES) {
			double asked = in.stream().mapToInt((second) -> second.offered().get(name)).sum();
			shedShare.put(name, in.stream().mapToInt((second) -> second.shed().get(name)).sum() / asked);
		}
		long errors = in.stream().mapToLong((second) -> sum(second.errors())).sum();
		return new PhaseSummary(phase.name(), Math.max(phase.startMultiple(), phase.endMultiple()), offered, checkouts,
				checkouts / (CAPACITY * MIX.get("checkout")), p99, shedShare, errors);
	}

	private static int sum(Map<String, Integer> counts) {
		return counts.values().stream().mapToInt(Integer::intValue).sum();
	}

}
