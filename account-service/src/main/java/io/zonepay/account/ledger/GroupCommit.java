package io.zonepay.account.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Group commit: callers hand their items to one writer thread, which applies whatever is
 * queued, up to a bound, as one batch and answers each caller with its own result. The
 * writer never waits for more items than it finds: at low load a batch is the one item
 * that came, and under load the items that arrive while a batch runs make the next one,
 * so batches grow with the load and the cost per item (a transaction, its commit, the
 * locks of its rows) shrinks with it.
 * <p>
 * Bounded everywhere: the queue refuses an item beyond its capacity at once, a caller
 * waits at most until its deadline (and never longer than a bound), and the writer drops
 * an item whose caller has stopped waiting before it starts on it. When a batch fails as
 * a whole, each of its items is applied again alone, so that one item's failure (a shard
 * fenced off during a move) reaches only its own caller.
 *
 * @param <T> what callers hand in
 * @param <R> what each caller is answered
 */
final class GroupCommit<T, R> {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	/**
	 * How long an idle writer waits for an item before it looks whether to stop: only
	 * stopping waits for it, and every wake-up of every shard group's writer is CPU an
	 * idle zone spends.
	 */
	private static final Duration IDLE = Duration.ofSeconds(1);

	private final String name;

	private final Function<List<T>, List<R>> work;

	private final int maxBatch;

	private final Duration maxWait;

	private final BlockingQueue<Waiting<T, R>> queue;

	private final Clock clock;

	private final Thread writer;

	private volatile boolean running = true;

	/** Handed to an idle writer by {@link #close()}, so that it stops at once. */
	private final Waiting<T, R> stop = new Waiting<>(null, 0);

	/**
	 * @param work applies a batch and answers one result per item, in order; throws when
	 * the batch failed as a whole
	 * @param maxBatch the most items a batch takes
	 * @param capacity the most items waiting for the writer
	 * @param maxWait the longest a caller waits, whatever its deadline
	 */
	GroupCommit(String name, Function<List<T>, List<R>> work, int maxBatch, int capacity, Duration maxWait,
			Clock clock) {
		this.name = name;
		this.work = work;
		this.maxBatch = maxBatch;
		this.maxWait = maxWait;
		this.queue = new ArrayBlockingQueue<>(capacity);
		this.clock = clock;
		this.writer = Thread.ofPlatform().name(name).daemon().unstarted(this::write);
	}

	GroupCommit<T, R> start() {
		writer.start();
		return this;
	}

	/**
	 * Hands an item to the writer and waits for its result.
	 * @throws ProblemException {@code SERVICE_BUSY} when the queue is full, or when the
	 * caller's time ran out while its item was being applied (it may or may not have
	 * been: applying the same item again must be safe); {@code DEADLINE_PASSED} when the
	 * time ran out before the writer took the item, which then is never applied
	 * @throws RuntimeException what the writer failed with on this item
	 */
	R submit(T item, @Nullable Deadline deadline) {
		long wait = waitNanos(deadline);
		if (wait <= 0) {
			throw notStarted();
		}
		Waiting<T, R> waiting = new Waiting<>(item, System.nanoTime() + wait);
		if (!running || !queue.offer(waiting)) {
			throw new ProblemException(CommonProblem.SERVICE_BUSY,
					name + " has " + queue.size() + " items waiting already; nothing was done");
		}
		try {
			return waiting.result.get(wait, TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw rethrown(ex.getCause());
		}
		catch (TimeoutException ex) {
			return gaveUp(waiting);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return gaveUp(waiting);
		}
	}

	/** How many items wait for the writer. */
	int queued() {
		return queue.size();
	}

	/**
	 * Lets the writer finish the batch it is on (bounded), then refuses what is left in
	 * the queue.
	 */
	void close() {
		running = false;
		// A full queue has a writer at work, which looks at running after its batch.
		queue.offer(stop);
		try {
			writer.join(maxWait.plus(IDLE).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		List<Waiting<T, R>> left = new ArrayList<>();
		queue.drainTo(left);
		left.remove(stop);
		left.forEach(waiting -> waiting
			.drop(new ProblemException(CommonProblem.SERVICE_BUSY, name + " is stopping; nothing was done")));
	}

	private long waitNanos(@Nullable Deadline deadline) {
		long bound = maxWait.toNanos();
		if (deadline == null) {
			return bound;
		}
		return Math.min(bound, Duration.between(clock.instant(), deadline.at()).toNanos());
	}

	private R gaveUp(Waiting<T, R> waiting) {
		if (waiting.cancel()) {
			throw notStarted();
		}
		if (waiting.result.isDone()) {
			try {
				return waiting.result.join();
			}
			catch (CompletionException ex) {
				throw rethrown(ex.getCause());
			}
		}
		throw new ProblemException(CommonProblem.SERVICE_BUSY, name + " had not finished with this item when its"
				+ " caller's time ran out; it may or may not be applied: submitting it again is safe");
	}

	private ProblemException notStarted() {
		return new ProblemException(CommonProblem.DEADLINE_PASSED,
				"the caller's time ran out before " + name + " could start; nothing was done");
	}

	private static RuntimeException rethrown(@Nullable Throwable cause) {
		if (cause instanceof RuntimeException runtime) {
			return runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
		return new IllegalStateException(cause);
	}

	private void write() {
		List<Waiting<T, R>> batch = new ArrayList<>(maxBatch);
		while (running) {
			Waiting<T, R> first;
			try {
				first = queue.poll(IDLE.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (first == null || first == stop) {
				continue;
			}
			batch.add(first);
			queue.drainTo(batch, maxBatch - 1);
			batch.remove(stop);
			try {
				apply(claimed(batch));
			}
			catch (Error ex) {
				// One batch's error (a stack overflow, say) must not leave the ledger
				// without its writer.
				log.error("{} failed on a batch of {} items", name, batch.size(), ex);
			}
			finally {
				// Whatever happened, every caller of the batch is answered.
				batch.stream()
					.filter(waiting -> !waiting.result.isDone())
					.forEach(waiting -> waiting.drop(new IllegalStateException(name + " failed on this item")));
				batch.clear();
			}
		}
	}

	/**
	 * The items whose callers still wait; the others are answered that nothing was done.
	 */
	private List<Waiting<T, R>> claimed(List<Waiting<T, R>> batch) {
		List<Waiting<T, R>> claimed = new ArrayList<>(batch.size());
		long now = System.nanoTime();
		for (Waiting<T, R> waiting : batch) {
			if (now - waiting.deadline >= 0) {
				waiting.drop(notStarted());
			}
			else if (waiting.claim()) {
				claimed.add(waiting);
			}
		}
		return claimed;
	}

	private void apply(List<Waiting<T, R>> batch) {
		if (batch.isEmpty()) {
			return;
		}
		try {
			answer(batch, work.apply(batch.stream().map(Waiting::item).toList()));
		}
		catch (RuntimeException ex) {
			if (batch.size() == 1) {
				batch.get(0).result.completeExceptionally(ex);
				return;
			}
			log.warn("A batch of {} items of {} failed as a whole ({}); applying each alone", batch.size(), name,
					ex.toString());
			long now = System.nanoTime();
			for (Waiting<T, R> waiting : batch) {
				if (now - waiting.deadline >= 0) {
					// Nothing of the batch was applied, and nobody waits for this item.
					waiting.result.completeExceptionally(notStarted());
					continue;
				}
				try {
					answer(List.of(waiting), work.apply(List.of(waiting.item())));
				}
				catch (RuntimeException alone) {
					waiting.result.completeExceptionally(alone);
				}
			}
		}
	}

	private static <T, R> void answer(List<Waiting<T, R>> batch, List<R> results) {
		if (results.size() != batch.size()) {
			throw new IllegalStateException(
					"a batch of " + batch.size() + " items was answered with " + results.size() + " results");
		}
		for (int i = 0; i < batch.size(); i++) {
			batch.get(i).result.complete(results.get(i));
		}
	}

	/**
	 * An item and its caller: queued, then either claimed by the writer or cancelled by a
	 * caller that stopped waiting, never both.
	 */
	private static final class Waiting<T, R> {

		private static final int QUEUED = 0;

		private static final int CLAIMED = 1;

		private static final int CANCELLED = 2;

		private final @Nullable T item;

		private final long deadline;

		private final CompletableFuture<R> result = new CompletableFuture<>();

		private final AtomicInteger state = new AtomicInteger(QUEUED);

		Waiting(@Nullable T item, long deadline) {
			this.item = item;
			this.deadline = deadline;
		}

		T item() {
			return Objects.requireNonNull(item, "the stop signal carries no item");
		}

		boolean claim() {
			return state.compareAndSet(QUEUED, CLAIMED);
		}

		boolean cancel() {
			return state.compareAndSet(QUEUED, CANCELLED);
		}

		/** Answers the caller with a failure, unless it was answered already. */
		void drop(RuntimeException failure) {
			state.compareAndSet(QUEUED, CANCELLED);
			result.completeExceptionally(failure);
		}

	}

}
