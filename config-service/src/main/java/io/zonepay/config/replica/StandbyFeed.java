package io.zonepay.config.replica;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

/**
 * A standby GZone's feed from the writer's log, as its promotion sees it: how long the
 * writer has been silent, whether the writer answers, and a bounded catch-up to the log's
 * end before the feed stops for good.
 */
public final class StandbyFeed implements SmartLifecycle {

	private final Replicator replicator;

	private final ReplicaState state;

	private final GzoneClient writer;

	StandbyFeed(Replicator replicator, ReplicaState state, GzoneClient writer) {
		this.replicator = replicator;
		this.state = state;
		this.writer = writer;
	}

	/** How long since the last change or heartbeat of the writer this standby applied. */
	public Duration silence() {
		return state.staleness();
	}

	/** Whether any other GZone answers as the writer. */
	public boolean writerReachable() {
		return writer.reachable();
	}

	public @Nullable Position position() {
		return state.position();
	}

	/**
	 * Waits at most {@code timeout} for the feed to have applied the log up to
	 * {@code endOffset}; answers whether it did.
	 */
	public boolean catchUp(long endOffset, Duration timeout) throws InterruptedException {
		return state.awaitOffset(endOffset, timeout);
	}

	@Override
	public void start() {
		replicator.start();
	}

	/** Stops following: on shutdown, or when the standby becomes the writer. */
	@Override
	public void stop() {
		replicator.stop();
	}

	@Override
	public boolean isRunning() {
		return replicator.isRunning();
	}

}
