package io.zonepay.account.ledger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.problem.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Group commit's rules, on strings instead of postings: a writer takes whatever is queued
 * (never waiting for more), in order, up to its bound; a batch that fails as a whole is
 * applied item by item; the queue and every wait are bounded.
 */
class GroupCommitTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private final Clock clock = Clock.systemUTC();

	private final List<List<String>> batches = new CopyOnWriteArrayList<>();

	/** Holds the writer inside the batch that contains "first" until opened. */
	private final CountDownLatch gate = new CountDownLatch(1);

	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	private @Nullable GroupCommit<String, String> commit;

	@AfterEach
	void stop() {
		gate.countDown();
		if (commit != null) {
			commit.close();
		}
		callers.close();
	}

	@Test
	void atLowLoadEachItemIsABatchOfItsOwnThatNobodyWaitsToFill() {
		GroupCommit<String, String> commit = start(64, 16);

		assertThat(commit.submit("a", null)).isEqualTo("a:done");
		assertThat(commit.submit("b", null)).isEqualTo("b:done");
		assertThat(batches).containsExactly(List.of("a"), List.of("b"));
	}

	@Test
	void itemsQueuedWhileTheWriterIsBusyMakeTheNextBatchInTheOrderTheyCame() throws Exception {
		GroupCommit<String, String> commit = start(64, 16);
		CompletableFuture<String> first = busy(commit);
		List<CompletableFuture<String>> queued = queue(commit, "a", "b", "c");

		gate.countDown();

		assertThat(first.get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("first:done");
		assertThat(results(queued)).containsExactly("a:done", "b:done", "c:done");
		assertThat(batches).containsExactly(List.of("first"), List.of("a", "b", "c"));
	}

	@Test
	void aBatchTakesNoMoreThanItsBound() throws Exception {
		GroupCommit<String, String> commit = start(2, 16);
		busy(commit);
		List<CompletableFuture<String>> queued = queue(commit, "a", "b", "c");

		gate.countDown();

		assertThat(results(queued)).containsExactly("a:done", "b:done", "c:done");
		assertThat(batches).containsExactly(List.of("first"), List.of("a", "b"), List.of("c"));
	}

	@Test
	void aBatchThatFailsAsAWholeIsAppliedItemByItemSoOnlyTheFailingItemFails() throws Exception {
		GroupCommit<String, String> commit = start(64, 16);
		busy(commit);
		List<CompletableFuture<String>> queued = queue(commit, "a", "fenced", "c");

		gate.countDown();

		assertThat(queued.get(0).get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("a:done");
		assertThat(queued.get(2).get(BOUND.toSeconds(), TimeUnit.SECONDS)).isEqualTo("c:done");
		assertThatThrownBy(() -> queued.get(1).get(BOUND.toSeconds(), TimeUnit.SECONDS))
			.hasCauseInstanceOf(IllegalStateException.class)
			.hasMessageContaining("fenced off");
		assertThat(batches).containsExactly(List.of("first"), List.of("a", "fenced", "c"), List.of("a"),
				List.of("fenced"), List.of("c"));
	}

	@Test
	void aFullQueueRefusesAtOnceAndDoesNothing() {
		GroupCommit<String, String> commit = start(64, 1);
		busy(commit);
		queue(commit, "a");

		assertProblem(() -> commit.submit("b", null), "SERVICE_BUSY");
		gate.countDown();
		await().atMost(BOUND).until(() -> batches.size() == 2);
		assertThat(batches).containsExactly(List.of("first"), List.of("a"));
	}

	@Test
	void anItemWhoseCallerStoppedWaitingBeforeTheWriterTookItIsNeverApplied() throws Exception {
		GroupCommit<String, String> commit = start(64, 16);
		busy(commit);
		CompletableFuture<String> late = submit(commit, "late", Deadline.in(Duration.ofMillis(100), clock));

		assertThatThrownBy(() -> late.get(BOUND.toSeconds(), TimeUnit.SECONDS)).cause()
			.isInstanceOfSatisfying(ProblemException.class,
					problem -> assertThat(problem.problem().code()).isEqualTo("DEADLINE_PASSED"));
		assertProblem(() -> commit.submit("gone", Deadline.in(Duration.ofMillis(-1), clock)), "DEADLINE_PASSED");
		gate.countDown();
		assertThat(commit.submit("next", null)).isEqualTo("next:done");
		assertThat(batches).containsExactly(List.of("first"), List.of("next"));
	}

	@Test
	void aCallerWhoseTimeRunsOutWhileItsItemIsAppliedIsToldItMayHaveBeenApplied() {
		GroupCommit<String, String> commit = start(64, 16);

		assertProblem(() -> commit.submit("first", Deadline.in(Duration.ofMillis(300), clock)), "SERVICE_BUSY");
		gate.countDown();
		assertThat(commit.submit("next", null)).isEqualTo("next:done");
		assertThat(batches).containsExactly(List.of("first"), List.of("next"));
	}

	@Test
	void aClosedWriterTakesNothingMore() {
		GroupCommit<String, String> commit = start(64, 16);
		commit.close();

		assertProblem(() -> commit.submit("a", null), "SERVICE_BUSY");
		assertThat(batches).isEmpty();
	}

	private GroupCommit<String, String> start(int maxBatch, int capacity) {
		commit = new GroupCommit<String, String>("test-writer", this::apply, maxBatch, capacity, BOUND, clock).start();
		return commit;
	}

	/**
	 * Applies a batch as the ledger would: holds at "first" until the gate opens, fails
	 * the whole batch when one item's shard is fenced off.
	 */
	private List<String> apply(List<String> batch) {
		batches.add(List.copyOf(batch));
		if (batch.contains("first")) {
			try {
				assertThat(gate.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (batch.contains("fenced")) {
			throw new IllegalStateException("shard fenced off");
		}
		return batch.stream().map(item -> item + ":done").toList();
	}

	/** Keeps the writer busy with "first" until the gate opens. */
	private CompletableFuture<String> busy(GroupCommit<String, String> commit) {
		CompletableFuture<String> first = submit(commit, "first", null);
		await().atMost(BOUND).until(() -> batches.size() == 1);
		return first;
	}

	/** Queues items behind the busy writer, one after the other. */
	private List<CompletableFuture<String>> queue(GroupCommit<String, String> commit, String... items) {
		List<CompletableFuture<String>> queued = new CopyOnWriteArrayList<>();
		for (String item : items) {
			int before = commit.queued();
			queued.add(submit(commit, item, null));
			await().atMost(BOUND).until(() -> commit.queued() == before + 1);
		}
		return queued;
	}

	private CompletableFuture<String> submit(GroupCommit<String, String> commit, String item,
			@Nullable Deadline deadline) {
		return CompletableFuture.supplyAsync(() -> commit.submit(item, deadline), callers);
	}

	private static List<String> results(List<CompletableFuture<String>> futures)
			throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
		List<String> results = new CopyOnWriteArrayList<>();
		for (CompletableFuture<String> future : futures) {
			results.add(future.get(BOUND.toSeconds(), TimeUnit.SECONDS));
		}
		return results;
	}

	private static void assertProblem(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(ProblemException.class,
				problem -> assertThat(problem.problem().code()).isEqualTo(code));
	}

}
