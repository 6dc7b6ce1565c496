package io.zonepay.config.global;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What travels on the change topic: a change (an entity at its new version, with its
 * commit time) or a heartbeat ("every change up to {@code version} was published before
 * this; the GZone said so at {@code at}"), each under the writer's term. A reader ignores
 * a message from a term older than one it has seen: it comes from a fenced GZone.
 */
public record ReplicationMessage(Type type, long version, Instant at, @Nullable Entity entity, long term) {

	public ReplicationMessage {
		// Logs written before terms existed were all written by the first writer.
		term = Math.max(1, term);
	}

	public static ReplicationMessage of(Change change) {
		return new ReplicationMessage(Type.CHANGE, change.version(), change.committedAt(), change.entity(),
				change.term());
	}

	public static ReplicationMessage heartbeat(long version, Instant at, long term) {
		return new ReplicationMessage(Type.HEARTBEAT, version, at, null, term);
	}

	/** The two kinds of message. */
	public enum Type {

		CHANGE, HEARTBEAT

	}
}
