package io.zonepay.config.standby;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.zonepay.config.global.Writer;
import io.zonepay.config.replica.StandbyFeed;
import io.zonepay.kernel.problem.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Promotes the standby when the writer is gone: silent on the log for
 * {@code promoteAfter} and not answering over HTTP. Both, because either alone happens to
 * a living writer: a Kafka stall silences the log, a slow network or a busy host fails a
 * check.
 * <p>
 * And only silence this standby watched: a look that comes long after the one before
 * means the standby itself was stopped meanwhile (a long GC pause, a laptop's lid closed,
 * a virtual machine snapshotted), most likely with the writer beside it. Such a pause
 * counts as nobody's silence: on waking, every copy finds the log a pause old and its
 * checks timed out, although the writer resumes with them, and promoting would fence a
 * healthy writer (docs/design.md). So after a pause the watch starts over, and promotes
 * only when the writer stays gone for {@code promoteAfter} of watching.
 */
final class StandbyWatch {

	private static final Logger log = LoggerFactory.getLogger(StandbyWatch.class);

	/**
	 * A gap between two looks beyond this is a pause of the watch: eight looks missed at
	 * four a second, far more than a busy host delays a thread of its own.
	 */
	static final Duration PAUSE = Duration.ofSeconds(2);

	private final Signs signs;

	private final Promoter promoter;

	private final Duration promoteAfter;

	private final Clock clock;

	private @Nullable Instant lastLook;

	private Instant watchingSince = Instant.MIN;

	StandbyWatch(StandbyFeed feed, Promotion promotion, Writer writer, Duration promoteAfter) {
		this(new FeedSigns(feed, writer), promotion::promote, promoteAfter, Clock.systemUTC());
	}

	StandbyWatch(Signs signs, Promoter promoter, Duration promoteAfter, Clock clock) {
		this.signs = signs;
		this.promoter = promoter;
		this.promoteAfter = promoteAfter;
		this.clock = clock;
	}

	void check() {
		Instant now = clock.instant();
		if (paused(now) || !signs.standing()) {
			return;
		}
		Duration silence = signs.silence();
		if (silence.compareTo(promoteAfter) < 0 || Duration.between(watchingSince, now).compareTo(promoteAfter) < 0
				|| signs.writerReachable()) {
			return;
		}
		try {
			promoter
				.promote("the writer has been silent on the log for " + silence.toMillis() + " ms and does not answer");
		}
		catch (ProblemException ex) {
			log.warn("Automatic promotion failed: {}", ex.detail());
		}
	}

	/**
	 * Whether this look starts the watch over: the first one, or one after a pause.
	 */
	private boolean paused(Instant now) {
		Instant previous = lastLook;
		lastLook = now;
		if (previous != null && Duration.between(previous, now).compareTo(PAUSE) <= 0) {
			return false;
		}
		if (previous != null) {
			log.warn("This standby did not look for {} ms (its process or its machine was paused); the writer's"
					+ " silence counts again from now", Duration.between(previous, now).toMillis());
		}
		watchingSince = now;
		return true;
	}

	/** What the watch reads at each look. */
	interface Signs {

		/** Whether this GZone is a standby that holds the log's data: one to promote. */
		boolean standing();

		/** How long the writer has been silent on the log. */
		Duration silence();

		/**
		 * Whether the writer answers: its heartbeats arrive, or it answers a question.
		 */
		boolean writerReachable();

	}

	/**
	 * Makes this standby the writer; a {@link ProblemException} says why it could not.
	 */
	@FunctionalInterface
	interface Promoter {

		void promote(String reason);

	}

	/**
	 * The signs of a running standby GZone: its feed of the log and its writer's role.
	 */
	private record FeedSigns(StandbyFeed feed, Writer writer) implements Signs {

		@Override
		public boolean standing() {
			return writer.role() == Writer.Role.STANDBY && feed.position() != null;
		}

		@Override
		public Duration silence() {
			return feed.silence();
		}

		@Override
		public boolean writerReachable() {
			return feed.writerReachable();
		}

	}

}
