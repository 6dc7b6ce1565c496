package io.zonepay.runtime.global;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.awaitility.Awaitility.await;

class ViewPollsTests {

	private static final Duration BOUND = Duration.ofSeconds(5);

	private final AtomicInteger reads = new AtomicInteger();

	private final CountDownLatch answer = new CountDownLatch(1);

	private final ExecutorService threads = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		answer.countDown();
		threads.shutdownNow();
	}

	@Test
	void readersOfOneSourceAndVersionShareTheReadInFlight() throws Exception {
		ViewPolls.Poll poll = poll(7);
		CompletableFuture<Optional<GlobalViewDocument>> first = start(poll, this::heldRead);
		await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);
		CompletableFuture<Optional<GlobalViewDocument>> second = startWaiting(poll, this::heldRead);

		answer.countDown();

		assertThat(first.get(5, TimeUnit.SECONDS)).isEmpty();
		assertThat(second.get(5, TimeUnit.SECONDS)).isEmpty();
		assertThat(reads).as("one read answered both").hasValue(1);
	}

	@Test
	void readersOfAnotherVersionReadOnTheirOwn() throws Exception {
		CompletableFuture<Optional<GlobalViewDocument>> first = start(poll(7), this::heldRead);
		await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);

		assertThat(ViewPolls.shared(poll(6), BOUND, () -> {
			reads.incrementAndGet();
			return Optional.empty();
		})).isEmpty();
		answer.countDown();
		first.get(5, TimeUnit.SECONDS);
		assertThat(reads).hasValue(2);
	}

	@Test
	void aSourceThatFailsTheSharedReadFailsEveryReaderOfIt() throws Exception {
		ViewPolls.Poll poll = poll(8);
		CompletableFuture<Optional<GlobalViewDocument>> first = start(poll, () -> {
			heldRead();
			throw new IOException("connection refused");
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);
		CompletableFuture<Optional<GlobalViewDocument>> second = startWaiting(poll, this::heldRead);

		answer.countDown();

		assertThat(first).failsWithin(Duration.ofSeconds(5));
		assertThat(second).failsWithin(Duration.ofSeconds(5))
			.withThrowableThat()
			.havingRootCause()
			.withMessage("connection refused");
	}

	@Test
	void aSharedReadEndedByAnErrorFailsItsJoinersAtOnce() throws Exception {
		ViewPolls.Poll poll = poll(12);
		CompletableFuture<Optional<GlobalViewDocument>> first = start(poll, () -> {
			heldRead();
			throw new OutOfMemoryError("a read too large");
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);
		CompletableFuture<Optional<GlobalViewDocument>> second = startWaiting(poll, this::heldRead);

		answer.countDown();

		assertThat(first).failsWithin(Duration.ofSeconds(5));
		assertThat(second).as("well inside its bound, %s", BOUND)
			.failsWithin(Duration.ofSeconds(2))
			.withThrowableThat()
			.havingRootCause()
			.withMessage("a read too large");
	}

	@Test
	void aReaderWhoseSharedReadWasStoppedReadsOnItsOwn() throws Exception {
		ViewPolls.Poll poll = poll(11);
		CompletableFuture<Optional<GlobalViewDocument>> stopped = start(poll, () -> {
			reads.incrementAndGet();
			answer.await(5, TimeUnit.SECONDS);
			throw new InterruptedException("its service is stopping");
		});
		await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);
		CompletableFuture<Optional<GlobalViewDocument>> joined = startWaiting(poll, () -> {
			reads.incrementAndGet();
			return Optional.empty();
		});

		answer.countDown();

		assertThat(stopped).failsWithin(Duration.ofSeconds(5));
		assertThat(joined.get(5, TimeUnit.SECONDS)).as("not a failure of the source").isEmpty();
		assertThat(reads).hasValue(2);
	}

	@Test
	void aFinishedReadIsNotSharedWithTheNextOne() throws Exception {
		ViewPolls.Poll poll = poll(9);
		answer.countDown();

		ViewPolls.shared(poll, BOUND, this::heldRead);
		ViewPolls.shared(poll, BOUND, this::heldRead);

		assertThat(reads).hasValue(2);
	}

	@Test
	void aJoinedReadThatNeverEndsIsAFailureWithinItsBound() {
		ViewPolls.Poll poll = poll(10);
		start(poll, this::heldRead);
		await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() == 1);

		assertThatIOException().isThrownBy(() -> ViewPolls.shared(poll, Duration.ofMillis(1), this::heldRead))
			.withMessageContaining("took over");
		answer.countDown();
	}

	private Optional<GlobalViewDocument> heldRead() throws InterruptedException {
		reads.incrementAndGet();
		answer.await(5, TimeUnit.SECONDS);
		return Optional.empty();
	}

	private CompletableFuture<Optional<GlobalViewDocument>> start(ViewPolls.Poll poll, ViewPolls.Read read) {
		return CompletableFuture.supplyAsync(() -> call(poll, read), threads);
	}

	/**
	 * Starts a read and returns once its thread waits (for a read in flight, or its own).
	 */
	private CompletableFuture<Optional<GlobalViewDocument>> startWaiting(ViewPolls.Poll poll, ViewPolls.Read read) {
		AtomicReference<Thread> reader = new AtomicReference<>();
		CompletableFuture<Optional<GlobalViewDocument>> started = CompletableFuture.supplyAsync(() -> {
			reader.set(Thread.currentThread());
			return call(poll, read);
		}, threads);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> reader.get() != null && reader.get().getState() == Thread.State.TIMED_WAITING);
		return started;
	}

	private static Optional<GlobalViewDocument> call(ViewPolls.Poll poll, ViewPolls.Read read) {
		try {
			return ViewPolls.shared(poll, BOUND, read);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A poll of a source of its own per test: the table of polls is the JVM's. */
	private ViewPolls.Poll poll(long known) {
		return new ViewPolls.Poll(URI.create("http://czone-" + System.identityHashCode(this) + ".test"), known,
				Duration.ofSeconds(2));
	}

}
