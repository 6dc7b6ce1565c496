package io.zonepay.config.global;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What travels on the change topic: a change (an entity at its new version, with its commit time) or a heartbeat
 * ("every change up to {@code version} was published before this; the GZone said so at {@code at}").
 */
public record ReplicationMessage(Type type, long version, Instant at, @Nullable Entity entity) {

	public static ReplicationMessage of(Change change) {
		return new ReplicationMessage(Type.CHANGE, change.version(), change.committedAt(), change.entity());
	}

	public static ReplicationMessage heartbeat(long version, Instant at) {
		return new ReplicationMessage(Type.HEARTBEAT, version, at, null);
	}

	/** The two kinds of message. */
	public enum Type {
		CHANGE, HEARTBEAT
	}
}
