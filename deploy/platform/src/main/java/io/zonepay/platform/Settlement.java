package io.zonepay.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * After the load, settles what its clients do not know yet, before anything is audited.
 * An operation whose outcome is unknown is sent once more with the same Idempotency-Key
 * and body, as the API tells a client to: the platform answers the original outcome if
 * there is one, or finishes the operation. Then every acknowledged transfer still PENDING
 * is asked after ({@code GET /api/transfers/{id}}) until it is COMPLETED or FAILED:
 * quiescence.
 */
final class Settlement {

	static final Duration QUIESCENCE_BOUND = Duration.ofSeconds(30);

	private static final Duration POLL = Duration.ofMillis(250);

	private final PlatformApi api;

	private final Timeline timeline;

	private final DrillOperations operations;

	private final Queue<Attempt> attempts = new ConcurrentLinkedQueue<>();

	Settlement(PlatformApi api, Timeline timeline, Population population, String keyPrefix) {
		this.api = api;
		this.timeline = timeline;
		this.operations = new DrillOperations(new PersistentCall(api, timeline, attempts::add), population.merchantId(),
				keyPrefix);
	}

	Settled settle(List<Operation> loaded) throws Exception {
		List<Operation> resolved = resolveUnknown(loaded);
		int resolvedCount = (int) resolved.stream()
			.filter(operation -> operation.resolvedLater() && operation.outcome() != Operation.Outcome.UNKNOWN)
			.count();
		Duration started = timeline.now();
		List<Operation> settled = awaitTransfersDecided(resolved, started.plus(QUIESCENCE_BOUND));
		int undecided = (int) settled.stream().filter(Operation::undecided).count();
		return new Settled(settled, resolvedCount, List.copyOf(attempts), timeline.now().minus(started), undecided);
	}

	/**
	 * Every unknown operation sent again at once: each is bounded by its retry budget.
	 */
	private List<Operation> resolveUnknown(List<Operation> loaded) throws Exception {
		List<Operation> result = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<Operation>> pending = new ArrayList<>();
			for (Operation operation : loaded) {
				pending.add(operation.outcome() == Operation.Outcome.UNKNOWN
						? threads.submit(() -> operations.resolve(operation))
						: CompletableFuture.completedFuture(operation));
			}
			for (Future<Operation> operation : pending) {
				try {
					result.add(operation.get());
				}
				catch (ExecutionException ex) {
					throw ex.getCause() instanceof Exception cause ? cause : ex;
				}
			}
		}
		return result;
	}

	private List<Operation> awaitTransfersDecided(List<Operation> all, Duration deadline) throws InterruptedException {
		List<Operation> current = new ArrayList<>(all);
		// Bounded by the deadline; each round sleeps POLL.
		while (current.stream().anyMatch(this::pendingTransfer) && timeline.now().compareTo(deadline) < 0) {
			for (int i = 0; i < current.size(); i++) {
				Operation operation = current.get(i);
				if (pendingTransfer(operation)) {
					Optional<String> status = operations.transferStatus(api, operation);
					if (status.isPresent()) {
						current.set(i, operation.withStatus(status.get()));
					}
				}
			}
			Thread.sleep(POLL.toMillis());
		}
		return current;
	}

	private boolean pendingTransfer(Operation operation) {
		return operation.acknowledged() && operation.kind() == Operation.Kind.TRANSFER
				&& "PENDING".equals(operation.status());
	}

	/**
	 * @param resolved unknown operations whose outcome the second sending decided
	 * @param attempts the requests this took, apart from the load's
	 * @param quiescence how long after the load (and the resolution) until every
	 * acknowledged transfer was decided
	 * @param undecided operations still unknown or PENDING at the end of it
	 */
	record Settled(List<Operation> operations, int resolved, List<Attempt> attempts, Duration quiescence,
			int undecided) {
	}

}
