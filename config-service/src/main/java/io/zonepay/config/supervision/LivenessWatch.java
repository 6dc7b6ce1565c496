package io.zonepay.config.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

/**
 * One service's liveness stream, kept open by a virtual thread of its own: it opens the
 * stream, notes each line and how the stream ended, and opens another, soon after a
 * stream the service ended and after a pause that doubles up to the check timeout while
 * attempts fail. A stream given up for its silence (a process frozen, or a host gone
 * without a word, whose zone may come back elsewhere) is opened again the same way. It
 * stops once nobody has asked about it for a while: this GZone no longer supervises.
 */
final class LivenessWatch implements AutoCloseable {

	/**
	 * The pause before opening a stream again after the service ended one, doubled after
	 * each failed attempt.
	 */
	private static final Duration FIRST_PAUSE = Duration.ofMillis(100);

	/**
	 * How long a service that serves no watch, or has no room for another, is polled
	 * before the watch is tried again.
	 */
	private static final Duration POLL_FOR = Duration.ofMinutes(1);

	/** How long a watch nobody asks about goes on opening streams. */
	private static final Duration IDLE_FOR = Duration.ofMinutes(1);

	private final HttpClient http;

	private final HttpRequest request;

	private final Duration longestPause;

	private final Clock clock;

	/** Completes once anything was heard, or the watch stopped. */
	private final CompletableFuture<Void> firstWord = new CompletableFuture<>();

	private volatile @Nullable Thread thread;

	private volatile Heard heard = Heard.NOTHING;

	private volatile Instant asked;

	/** The open stream's body, and since when it is open. */
	private volatile @Nullable InputStream open;

	private volatile Instant openSince;

	private volatile boolean givenUp;

	private volatile boolean closed;

	private LivenessWatch(HttpClient http, URI uri, Duration timeout, Clock clock) {
		this.http = http;
		// Bounds connecting and the answer's head; the stream itself lasts as long as
		// the service keeps it.
		this.request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
		this.longestPause = timeout;
		this.clock = clock;
		this.asked = clock.instant();
		this.openSince = asked;
	}

	/**
	 * Starts watching the service at {@code uri}, its watch path and interval included.
	 */
	static LivenessWatch start(HttpClient http, URI uri, Duration timeout, Clock clock) {
		LivenessWatch watch = new LivenessWatch(http, uri, timeout, clock);
		watch.thread = Thread.ofVirtual().name("liveness-watch " + uri.getAuthority()).start(watch::run);
		return watch;
	}

	Heard heard() {
		return heard;
	}

	/** Completes once anything was heard (at once if it was), or the watch stopped. */
	CompletableFuture<Void> firstWord() {
		return firstWord;
	}

	/** Whether it stopped: closed, or idle for too long. */
	boolean stopped() {
		return closed;
	}

	/** Someone wants to know: keeps the watch going. */
	void asked(Instant at) {
		asked = at;
	}

	/**
	 * Gives up the open stream if the service said nothing on it for longer than
	 * {@code silence}; the watch opens another.
	 */
	void giveUpIfSilent(Instant now, Duration silence) {
		InputStream body = open;
		Instant live = heard.live();
		Instant since = live != null && live.isAfter(openSince) ? live : openSince;
		if (body != null && now.isAfter(since.plus(silence))) {
			givenUp = true;
			closeQuietly(body);
		}
	}

	private void run() {
		int failures = 0;
		while (!closed && !clock.instant().isAfter(asked.plus(IDLE_FOR))) {
			Ended ended = streamOnce();
			failures = ended == Ended.FAILED ? Math.min(failures + 1, 30) : 0;
			Duration pause = switch (ended) {
				case BY_SERVICE -> FIRST_PAUSE;
				case UNWATCHABLE -> POLL_FOR;
				case FAILED -> backoff(failures);
			};
			if (!pause(pause)) {
				break;
			}
		}
		closed = true;
		firstWord.complete(null);
	}

	private Duration backoff(int failures) {
		Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(failures - 1, 16));
		return pause.compareTo(longestPause) > 0 ? longestPause : pause;
	}

	private Ended streamOnce() {
		givenUp = false;
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				int status = response.statusCode();
				if (status == 404 || status == 429) {
					hear(heard.noWatch());
					return Ended.UNWATCHABLE;
				}
				if (status / 100 != 2) {
					hear(heard.wentWrong(Check.REFUSED));
					return Ended.FAILED;
				}
				return listen(body);
			}
			finally {
				open = null;
			}
		}
		catch (IOException ex) {
			hear(heard.wentWrong(givenUp || HttpHealthChecker.timedOut(ex) ? Check.SLOW : Check.REFUSED));
			return Ended.FAILED;
		}
		catch (InterruptedException ex) {
			// Closed: the loop ends.
			Thread.currentThread().interrupt();
			return Ended.FAILED;
		}
	}

	private Ended listen(InputStream body) throws IOException {
		openSince = clock.instant();
		open = body;
		if (closed) {
			return Ended.FAILED;
		}
		boolean spoke = LivenessLines.read(body,
				live -> hear(live ? heard.saidLive(clock.instant()) : heard.wentWrong(Check.REFUSED)));
		if (givenUp || !spoke) {
			// A stream the service ended without a word is no sign of life either.
			hear(heard.wentWrong(givenUp ? Check.SLOW : Check.REFUSED));
			return Ended.FAILED;
		}
		return Ended.BY_SERVICE;
	}

	private void hear(Heard next) {
		heard = next;
		firstWord.complete(null);
	}

	/** Pauses before the next attempt; false when closed meanwhile. */
	private boolean pause(Duration pause) {
		try {
			Thread.sleep(pause);
			return !closed;
		}
		catch (InterruptedException ex) {
			return false;
		}
	}

	@Override
	public void close() {
		closed = true;
		InputStream body = open;
		if (body != null) {
			closeQuietly(body);
		}
		Thread running = thread;
		if (running != null) {
			running.interrupt();
		}
		firstWord.complete(null);
	}

	private static void closeQuietly(InputStream body) {
		try {
			body.close();
		}
		catch (IOException ex) {
			// Given up either way.
		}
	}

	/** How one attempt ended. */
	private enum Ended {

		/** The service ended a stream on which it had spoken: open another soon. */
		BY_SERVICE,

		/** The service serves no watch, or has no room for another: poll it a while. */
		UNWATCHABLE,

		/** Refused, broken, silent or timed out: try again after a growing pause. */
		FAILED

	}

}
