package io.zonepay.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The drill's load: an open loop that starts operations on a fixed schedule whatever the
 * answers, so that a stall shows as failures and latency rather than as a load that
 * politely slowed down with it. Half are payments, a quarter transfers within the payer's
 * zone, a quarter transfers to a user of another zone; payers take turns. Each operation
 * runs on its own virtual thread, at most {@link #MAX_IN_FLIGHT} at once: one due beyond
 * that is dropped and counted.
 */
final class DrillLoad {

	static final int MAX_IN_FLIGHT = 128;

	/** Small amounts, so that the deposits cover every operation whatever the mix. */
	static final long LARGEST_AMOUNT = 999;

	private static final long LARGEST_TRANSFER = 300;

	/**
	 * An operation ends within its retry budget, plus one request's timeout for the last
	 * send, plus a margin.
	 */
	private static final Duration LONGEST_OPERATION = PersistentCall.BUDGET.plus(PlatformApi.REQUEST_TIMEOUT)
		.plusSeconds(5);

	private final Population population;

	private final DrillOptions options;

	private final Timeline timeline;

	private final DrillOperations operations;

	private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	private final Queue<Operation> done = new ConcurrentLinkedQueue<>();

	private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

	private final AtomicLong scheduled = new AtomicLong();

	private final AtomicInteger dropped = new AtomicInteger();

	/**
	 * Operations owed to the schedule, of the ramp's share of the rate; the ticker's
	 * thread alone touches it.
	 */
	private double credit;

	/**
	 * When the schedule ends: set once the disruption is; until then, as late as the
	 * drill may wait for a steady platform and then run its whole length.
	 */
	private volatile Duration end;

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();

	private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

	DrillLoad(PlatformApi api, Population population, DrillOptions options, Timeline timeline, String keyPrefix) {
		this.population = population;
		this.options = options;
		this.timeline = timeline;
		this.end = options.duration().plus(Drill.STEADY_BOUND);
		this.operations = new DrillOperations(new PersistentCall(api, timeline, attempts::add), population.merchantId(),
				keyPrefix);
	}

	/**
	 * Ends the schedule at a moment of the drill's timeline (the disruption plus the
	 * load's length after it).
	 */
	void endAt(Duration moment) {
		this.end = moment;
	}

	/**
	 * Requests answered from a moment on, how many of them failed and the slowest:
	 * whether the platform is steady.
	 */
	Tally answeredSince(Duration moment) {
		int answered = 0;
		int failed = 0;
		Duration slowest = Duration.ZERO;
		for (Attempt attempt : attempts) {
			if (attempt.answered().compareTo(moment) >= 0) {
				answered++;
				failed += attempt.failed() ? 1 : 0;
				Duration took = attempt.answered().minus(attempt.sent());
				slowest = took.compareTo(slowest) > 0 ? took : slowest;
			}
		}
		return new Tally(answered, failed, slowest);
	}

	void start() {
		long period = TimeUnit.SECONDS.toNanos(1) / options.rate();
		ticker.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
	}

	/**
	 * Waits for the schedule to end and the last operations to end (each is bounded), and
	 * answers what happened.
	 */
	LoadResult finish() throws InterruptedException {
		timeline.sleepUntil(end);
		ticker.shutdownNow();
		Duration took = timeline.now();
		if (inFlight.tryAcquire(MAX_IN_FLIGHT, LONGEST_OPERATION.toMillis(), TimeUnit.MILLISECONDS)) {
			inFlight.release(MAX_IN_FLIGHT);
		}
		workers.shutdownNow();
		long started = scheduled.get() - dropped.get();
		List<Operation> finished = List.copyOf(done);
		return new LoadResult(List.copyOf(attempts), finished, started, dropped.get(),
				(int) (started - finished.size()), took);
	}

	/** Stops everything at once, when the drill itself fails. */
	void abort() {
		ticker.shutdownNow();
		workers.shutdownNow();
	}

	private void tick() {
		Duration now = timeline.now();
		if (now.compareTo(end) >= 0) {
			return;
		}
		credit += share(now);
		if (credit < 1) {
			return;
		}
		credit -= 1;
		long number = scheduled.getAndIncrement();
		if (!inFlight.tryAcquire()) {
			dropped.incrementAndGet();
			return;
		}
		Duration due = timeline.now();
		workers.execute(() -> {
			try {
				done.add(operation(number, due));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (RuntimeException ex) {
				// An answer the drill cannot read (a 2xx without its id): the operation
				// counts as lost track of.
				System.err.println("operation " + number + ": " + ex.getMessage());
			}
			finally {
				inFlight.release();
			}
		});
	}

	/**
	 * The share of the rate the load runs at: from a tenth to all of it over the warm-up,
	 * as a load test ramps up, so that a platform just started warms up under a growing
	 * load instead of a sudden full one and its clients' retries.
	 */
	private double share(Duration now) {
		return Math.min(1.0, Math.max(0.1, (double) now.toMillis() / Math.max(1, options.warmUp().toMillis())));
	}

	/**
	 * The users in the order the load takes them as payers: one zone's, then the next
	 * zone's, and round again, so every zone sees its share of the rate all the time.
	 * Taken in the population's order (zone by zone), each zone had the whole rate for a
	 * moment and none the rest of the cycle: bursts at four times a zone's share.
	 */
	static List<DrillUser> interleaved(List<DrillUser> users) {
		Map<String, List<DrillUser>> byZone = new TreeMap<>();
		users.forEach(user -> byZone.computeIfAbsent(user.zone(), zone -> new ArrayList<>()).add(user));
		List<DrillUser> rotation = new ArrayList<>(users.size());
		for (int round = 0; rotation.size() < users.size(); round++) {
			for (List<DrillUser> zone : byZone.values()) {
				if (round < zone.size()) {
					rotation.add(zone.get(round));
				}
			}
		}
		return rotation;
	}

	private Operation operation(long number, Duration started) throws InterruptedException {
		List<DrillUser> users = population.users();
		List<DrillUser> rotation = interleaved(users);
		DrillUser payer = rotation.get((int) (number % rotation.size()));
		ThreadLocalRandom random = ThreadLocalRandom.current();
		int kind = random.nextInt(4);
		if (kind < 2) {
			return operations.pay(number, started, payer, random.nextLong(100, LARGEST_AMOUNT + 1));
		}
		boolean sameZone = kind == 2;
		List<DrillUser> payees = users.stream()
			.filter(user -> !user.id().equals(payer.id()) && sameZone == user.zone().equals(payer.zone()))
			.toList();
		if (payees.isEmpty()) {
			// A topology of one RZone has no other zone to send to.
			payees = users.stream().filter(user -> !user.id().equals(payer.id())).toList();
		}
		return operations.transfer(number, started, payer, payees.get(random.nextInt(payees.size())),
				random.nextLong(1, LARGEST_TRANSFER + 1));
	}

	record Tally(int answered, int failed, Duration slowest) {
	}

	/**
	 * @param started operations started (not dropped)
	 * @param lost operations started whose end the load did not see: none unless one
	 * outlived every bound
	 * @param took from the start of the load to the last operation due
	 */
	record LoadResult(List<Attempt> attempts, List<Operation> operations, long started, int dropped, int lost,
			Duration took) {
	}

}
