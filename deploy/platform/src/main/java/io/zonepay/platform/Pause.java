package io.zonepay.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Freezes every process of the platform at once (SIGSTOP), then thaws them all (SIGCONT):
 * what a laptop's lid, a virtual machine's snapshot or a stalled hypervisor does to a
 * whole machine. On waking every process finds its clocks a pause ahead, its peers silent
 * for that long and its checks timed out, although nothing failed: the peers woke with
 * it. Nothing may be failed over for it: the drill passes only if the routing epoch and
 * the GZone that writes, with its term, are those it began with, and no standby GZone
 * tried to promote itself.
 */
final class Pause implements Disruption {

	/**
	 * What a standby GZone logs when it tries to take over (Promotion): a try fails the
	 * drill even if the promotion then fails, as it does while Kafka still fences it off
	 * for the writer's producer.
	 */
	static final String PROMOTING = "Promoting this standby to the writer";

	/** A process of the run's table that has ended by design: Kafka's storage format. */
	private static final String FORMAT = "kafka-format";

	private final Duration hold;

	private final Installation installation;

	private final PlatformApi api;

	private final DrillOptions options;

	private final String adminToken;

	private final RoutingSnapshot original;

	private final CountDownLatch thawed = new CountDownLatch(1);

	private volatile List<Long> frozen = List.of();

	private volatile String writerBefore = "";

	private volatile long promotionsBefore;

	private volatile boolean nothingFailedOver = true;

	Pause(Duration hold, Installation installation, PlatformApi api, DrillOptions options, String adminToken,
			RoutingSnapshot original) {
		this.hold = hold;
		this.installation = installation;
		this.api = api;
		this.options = options;
		this.adminToken = adminToken;
		this.original = original;
	}

	@Override
	public String zone() {
		return "the platform";
	}

	@Override
	public boolean movesShards() {
		return false;
	}

	@Override
	public String apply() throws InterruptedException {
		Answer status = gzoneStatus();
		String writerZone = status.field("zone");
		writerBefore = writerZone + " term " + status.field("term");
		RunDirectory run = RunDirectory.current(installation.stateDirectory())
			.orElseThrow(() -> new IllegalStateException("the platform is not running"));
		List<Long> pids = processes(run);
		promotionsBefore = promotions(run);
		frozen = pids;
		try {
			// One kill for all: as nearly at once as a machine stops.
			Signals.freeze(pids);
		}
		catch (IllegalStateException ex) {
			// kill signals every process it finds and fails for one that ended since it
			// was listed (a database backend): thaw them all at once, so that a failed
			// drill never leaves a frozen platform behind.
			thaw();
			throw ex;
		}
		Thread.ofVirtual().name("thaw-platform").start(() -> {
			try {
				Thread.sleep(hold.toMillis());
			}
			catch (InterruptedException ex) {
				// Thawed at once: a frozen platform must never be left behind.
			}
			thaw();
		});
		return "every process of the platform (" + pids.size() + ": the JVMs, Kafka, PostgreSQL's) frozen with"
				+ " SIGSTOP for " + hold.toSeconds() + " s, then thawed together with SIGCONT (" + writerZone
				+ " writes)";
	}

	@Override
	public List<String> figures(Duration disruptedAt) throws InterruptedException {
		thawed.await(hold.toSeconds() + 10, TimeUnit.SECONDS);
		RoutingSnapshot now = api.routing(options.admin(), adminToken);
		String writerAfter = writer();
		long tried = RunDirectory.current(installation.stateDirectory()).map(Pause::promotions).orElse(0L)
				- promotionsBefore;
		nothingFailedOver = now.epoch() == original.epoch() && writerAfter.equals(writerBefore) && tried == 0;
		return List.of(
				"%-74s %s".formatted("the routing epoch and the GZone that writes, before and after",
						now.epoch() == original.epoch() && writerAfter.equals(writerBefore)
								? "unchanged (epoch " + now.epoch() + ", " + writerAfter + ")"
								: "CHANGED: epoch " + original.epoch() + " -> " + now.epoch() + ", " + writerBefore
										+ " -> " + writerAfter),
				"%-74s %s".formatted("promotions a standby GZone tried (its log: \"" + PROMOTING + "\")",
						tried == 0 ? "none" : tried + ": it took the pause for the writer's silence"));
	}

	@Override
	public boolean figuresHold() {
		return nothingFailedOver;
	}

	@Override
	public String restore(RoutingSnapshot original) throws InterruptedException {
		if (!thawed.await(hold.toSeconds() + 10, TimeUnit.SECONDS)) {
			thaw();
		}
		return nothingFailedOver ? "every process thawed; nothing had moved"
				: "every process thawed; a standby GZone tried to take over or something failed over (the figures"
						+ " say which): for a fresh platform, ./zonepay down, then ./zonepay up";
	}

	@Override
	public String manualRestore(RoutingSnapshot original) {
		return thawCommand();
	}

	private String thawCommand() {
		return "kill -CONT " + String.join(" ", frozen.stream().map(String::valueOf).toList());
	}

	private void thaw() {
		try {
			Signals.thaw(frozen);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IllegalStateException ex) {
			System.out.println("Could not thaw the platform: " + ex.getMessage() + "; by hand: " + thawCommand());
		}
		finally {
			thawed.countDown();
		}
	}

	/** The GZone that answers as the writer, with its term. */
	private String writer() throws InterruptedException {
		Answer status = gzoneStatus();
		return status.field("zone") + " term " + status.field("term");
	}

	private Answer gzoneStatus() throws InterruptedException {
		return api.expect(200, PlatformApi.get(options.admin(), "/admin/gzone", adminToken), "the GZone's status");
	}

	/** How often the run's processes have logged a standby's try to take over. */
	private static long promotions(RunDirectory run) {
		try (Stream<Path> logs = Files.list(run.logs())) {
			return logs.filter(log -> log.getFileName().toString().endsWith(".log"))
				.mapToLong(Pause::promotionsIn)
				.sum();
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static long promotionsIn(Path log) {
		try (Stream<String> lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
			return lines.filter(line -> line.contains(PROMOTING)).count();
		}
		catch (IOException | UncheckedIOException ex) {
			return 0;
		}
	}

	/**
	 * The run's processes, its PostgreSQL server (no child of any of them once its host
	 * started it) and every process those started.
	 */
	private static List<Long> processes(RunDirectory run) {
		Set<Long> pids = new LinkedHashSet<>();
		run.latest().forEach((name, pid) -> {
			if (!name.equals(FORMAT)) {
				pids.addAll(treeOf(pid));
			}
		});
		run.postmaster().ifPresent(postmaster -> pids.addAll(treeOf(postmaster.pid())));
		return new ArrayList<>(pids);
	}

	/** A live process and every process it started; none for a process gone. */
	private static List<Long> treeOf(@Nullable Long pid) {
		List<Long> tree = new ArrayList<>();
		if (pid != null) {
			ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(process -> {
				tree.add(process.pid());
				process.descendants().forEach(child -> tree.add(child.pid()));
			});
		}
		return tree;
	}

}
