package io.zonepay.platform;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.zonepay.kernel.zone.Topology;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./zonepay books [--shadow]}: audits the books of every shard group of the
 * running platform ({@link BooksAudit}), real or a load test's.
 */
@Command(name = "books",
		description = { "Audits the books of every shard group of the running platform, straight from the databases.",
				"Real books, or with --shadow the load tests' (the shadow schemas). Exit 0 only if the audit passes." })
final class BooksCommand implements ZonePayCommand {

	private final Installation installation;

	@Spec
	CommandSpec spec;

	@Option(names = "--shadow", description = "audit the shadow books (full-link load tests) instead of the real ones")
	boolean shadow;

	@Option(names = "--json", description = "print the audit as one JSON object (for the load test's report)")
	boolean json;

	@Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "30",
			description = "how long transfers still in flight may take to settle before the audit judges (0..600)")
	int settle;

	BooksCommand(Installation installation) {
		this.installation = installation;
	}

	@Override
	public Action check() {
		int seconds = ZonePayCommand.refusing(spec, () -> ZonePayCommand.within("--settle", settle, 0, 600));
		return () -> run(Duration.ofSeconds(seconds));
	}

	private int run(Duration settling) throws Exception {
		RunDirectory run = RunDirectory.current(installation.stateDirectory())
			.orElseThrow(() -> new IllegalStateException("ZonePay is not running; ./zonepay up first"));
		Topology topology = TopologyFile.read(run.settings().topologyFile());
		ShardGroupBooks books = new ShardGroupBooks(topology, run.settings().infrastructure(),
				shadow ? ShardGroupBooks.SHADOW : ShardGroupBooks.REAL);
		List<DrillAudit.Check> checks = settled(new BooksAudit(books), settling);
		boolean passed = BooksAudit.passed(checks);
		if (json) {
			System.out.println(JsonMapper.builder()
				.build()
				.writeValueAsString(new Audited(shadow ? "shadow" : "real", passed, checks, books.counts())));
			return passed ? 0 : 1;
		}
		System.out.printf("Audit of the %s books (%d shard groups, schema %s):%n", shadow ? "shadow" : "real",
				books.shardGroups(), books.schema());
		checks.forEach(check -> {
			System.out.printf("  %s %s: %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.detail());
			check.wrong().stream().limit(20).forEach(wrong -> System.out.println("       " + wrong));
		});
		System.out.println(passed ? "Audit PASS" : "Audit FAIL");
		return passed ? 0 : 1;
	}

	/** The audit as JSON: its verdict, its checks, and the rows it counted. */
	record Audited(String traffic, boolean passed, List<DrillAudit.Check> checks, Map<String, Long> counts) {
	}

	/**
	 * The audit once it passes, or as it stands when the bound is up: a transfer across
	 * zones is in transit for a moment, and the books are judged once it has landed.
	 */
	private static List<DrillAudit.Check> settled(BooksAudit audit, Duration bound) throws InterruptedException {
		long until = System.nanoTime() + bound.toNanos();
		List<DrillAudit.Check> checks = audit.run();
		while (!BooksAudit.passed(checks) && System.nanoTime() < until) {
			Thread.sleep(1_000);
			checks = audit.run();
		}
		return checks;
	}

}
