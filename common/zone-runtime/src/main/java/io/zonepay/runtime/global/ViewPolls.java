package io.zonepay.runtime.global;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The long polls of the view in flight in this JVM, one per source and version: the
 * services a process hosts together (an RZone host runs three) share one read of the view
 * rather than each holding its own, which is what an idle platform's CZones spend most of
 * their time answering. A JVM-wide table because the services are separate application
 * contexts that share nothing else; the key keeps readers of different sources or
 * versions apart.
 */
final class ViewPolls {

	private static final Map<Poll, CompletableFuture<Optional<GlobalViewDocument>>> RUNNING = new ConcurrentHashMap<>();

	/** How much longer than its own bound a joined read is waited for. */
	private static final Duration JOIN_MARGIN = Duration.ofSeconds(1);

	private ViewPolls() {
	}

	/** A read of the view newer than {@code known} from one source, held up to a hold. */
	record Poll(URI source, long known, Duration hold) {
	}

	/** A read of the view; an {@link IOException} is the source's failure. */
	@FunctionalInterface
	interface Read {

		Optional<GlobalViewDocument> read() throws IOException, InterruptedException;

	}

	/**
	 * The answer of the poll in flight for the same source and version, or of
	 * {@code read}, made here, when none is; a joined read that fails fails here too.
	 * @param bound how long the read may take
	 */
	static Optional<GlobalViewDocument> shared(Poll poll, Duration bound, Read read)
			throws IOException, InterruptedException {
		CompletableFuture<Optional<GlobalViewDocument>> mine = new CompletableFuture<>();
		CompletableFuture<Optional<GlobalViewDocument>> running = RUNNING.putIfAbsent(poll, mine);
		if (running == null) {
			return lead(poll, mine, read);
		}
		try {
			return running.get(bound.plus(JOIN_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof InterruptedException) {
				// The reader that made it was stopped, not the source: read alone.
				return read.read();
			}
			if (cause instanceof IOException io) {
				throw io;
			}
			if (cause instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IOException("the shared read of the view failed", cause);
		}
		catch (TimeoutException ex) {
			throw new IOException("the shared read of the view from " + poll.source() + " took over " + bound, ex);
		}
	}

	private static Optional<GlobalViewDocument> lead(Poll poll, CompletableFuture<Optional<GlobalViewDocument>> mine,
			Read read) throws IOException, InterruptedException {
		try {
			Optional<GlobalViewDocument> answer = read.read();
			mine.complete(answer);
			return answer;
		}
		catch (IOException | InterruptedException | RuntimeException | Error ex) {
			// Every way out completes the joined read: a joiner never waits out its bound
			// on a read that has ended.
			mine.completeExceptionally(ex);
			throw ex;
		}
		finally {
			RUNNING.remove(poll, mine);
		}
	}

}
