package io.zonepay.service.shardgroup;

import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;

import org.jspecify.annotations.Nullable;

/**
 * The shard a thread is working for (a request, an event, a background job of one shard
 * group), and so the shard group whose database its transactions use. Set by
 * {@link ShardScopes} only, for the length of one unit of work.
 */
public final class ShardContext {

	private static final ThreadLocal<@Nullable Bound> CURRENT = new ThreadLocal<>();

	private ShardContext() {
	}

	/**
	 * The shard of the current unit of work, if it has one (a group-wide job has none).
	 */
	public static @Nullable Shard shard() {
		Bound bound = CURRENT.get();
		return bound == null ? null : bound.shard();
	}

	/**
	 * The shard group the current unit of work uses, or {@code null} for the service's
	 * home group.
	 */
	public static @Nullable ShardGroupId group() {
		Bound bound = CURRENT.get();
		return bound == null ? null : bound.group();
	}

	static @Nullable Bound bind(Bound bound) {
		Bound previous = CURRENT.get();
		CURRENT.set(bound);
		return previous;
	}

	static void restore(@Nullable Bound previous) {
		if (previous == null) {
			CURRENT.remove();
		}
		else {
			CURRENT.set(previous);
		}
	}

	record Bound(@Nullable Shard shard, ShardGroupId group) {
	}

}
