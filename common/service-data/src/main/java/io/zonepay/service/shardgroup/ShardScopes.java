package io.zonepay.service.shardgroup;

import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.kernel.zone.ShardGroupId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Where a unit of work runs: {@link #enter(Shard)} binds a request or an event to its
 * shard, so its transactions use the shard group's database and a drain of the shard
 * waits for it; {@link #forEachServedGroup(Runnable)} runs a background job once per
 * shard group the zone serves, for real and for shadow data.
 */
public final class ShardScopes {

	private static final Logger log = LoggerFactory.getLogger(ShardScopes.class);

	private final ShardGroups groups;

	private final ShardLeases leases;

	private final Duration await;

	private final boolean shadow;

	ShardScopes(ShardGroups groups, ShardLeases leases, Duration await, boolean shadow) {
		this.groups = groups;
		this.leases = leases;
		this.await = await;
		this.shadow = shadow;
	}

	public ShardGroups groups() {
		return groups;
	}

	/** Binds the current thread to a shard until the scope closes. */
	public Scope enter(Shard shard) {
		leases.entered(shard);
		ShardGroupId heldIn = leases.heldIn(shard);
		// Where this zone holds the lease: until it releases a shard a split moved, that
		// is still the old group.
		ShardContext.Bound previous = ShardContext
			.bind(new ShardContext.Bound(shard, heldIn != null ? heldIn : groups.groupOf(shard)));
		return () -> {
			ShardContext.restore(previous);
			leases.left(shard);
		};
	}

	/** Whether this zone holds the lease of a shard: it may write for it. */
	public boolean holds(Shard shard) {
		return leases.holds(shard);
	}

	/**
	 * Waits (up to the configured bound) for this zone to hold a shard the newest routing
	 * table gives it; answers at once, {@code false}, for a shard it is not given.
	 */
	public boolean awaitGivenLease(Shard shard) {
		return leases.holds(shard) || leases.given(shard) && leases.awaitHeld(shard, await.toNanos());
	}

	/**
	 * Waits (up to the configured bound) for this zone to hold a shard it has just been
	 * given.
	 */
	public boolean awaitLease(Shard shard) {
		return leases.holds(shard) || leases.awaitHeld(shard, await.toNanos());
	}

	/**
	 * Waits up to the given bound for this zone to hold a shard it has just been given.
	 */
	public boolean awaitLease(Shard shard, Duration bound) {
		return leases.holds(shard) || leases.awaitHeld(shard, bound.toNanos());
	}

	/** The shards whose leases this zone holds. */
	public Set<Shard> held() {
		return leases.held();
	}

	/** Grows whenever {@link #held()} changes. */
	public long version() {
		return leases.version();
	}

	/**
	 * Runs {@code listener} after each change of {@link #held()}, on the changing thread:
	 * it must only hand the news on, never wait.
	 */
	public void whenChanged(Runnable listener) {
		leases.whenChanged(listener);
	}

	/**
	 * Runs a job once per shard group of which this zone holds a shard (the home group
	 * always), bound to that group.
	 */
	public void forEachServedGroup(Runnable job) {
		forEachServedGroup(group -> job.run());
	}

	/**
	 * Runs a job once per shard group of which this zone holds a shard, bound to that
	 * group, which it is given; then, with shadow storage on, once more per group on its
	 * shadow data, bound to shadow traffic ({@link TrafficScope}): reconcilers, relays
	 * and purges act on shadow rows as shadow work, whose calls and events stay shadow.
	 */
	public void forEachServedGroup(Consumer<ShardGroupId> job) {
		Set<ShardGroupId> served = new LinkedHashSet<>();
		served.add(groups.home());
		leases.heldGroups().stream().sorted(Comparator.comparing(ShardGroupId::value)).forEach(served::add);
		for (ShardGroupId group : served) {
			runFor(group, Traffic.REAL, job);
		}
		if (shadow) {
			for (ShardGroupId group : served) {
				runFor(group, Traffic.SHADOW, job);
			}
		}
	}

	private static void runFor(ShardGroupId group, Traffic traffic, Consumer<ShardGroupId> job) {
		ShardContext.Bound previous = ShardContext.bind(new ShardContext.Bound(null, group));
		TrafficScope.Scope bound = TrafficScope.enter(traffic);
		if (traffic.isShadow()) {
			MDC.put("traffic", traffic.tag());
		}
		try {
			job.accept(group);
		}
		catch (RuntimeException ex) {
			// One group's trouble (its database away) must not stop the job for the
			// others.
			log.warn("A job failed on shard group {} ({} data); it runs again next time", group, traffic.tag(), ex);
		}
		finally {
			MDC.remove("traffic");
			bound.close();
			ShardContext.restore(previous);
		}
	}

	/**
	 * Runs a piece of a background job that acts on one shard, bound to it, if this zone
	 * holds the shard's lease: a shard group shared with another zone during a move holds
	 * rows this zone must leave alone. Without shard groups it just runs. Answers whether
	 * it ran.
	 */
	public static boolean runIfHeld(@Nullable ShardScopes scopes, Shard shard, Runnable work) {
		if (scopes == null) {
			work.run();
			return true;
		}
		if (!scopes.holds(shard)) {
			return false;
		}
		try (Scope ignored = scopes.enter(shard)) {
			work.run();
		}
		return true;
	}

	/**
	 * A background job run once per served shard group, or once on the service's only
	 * database without shard groups.
	 */
	public static Runnable inEachServedGroup(@Nullable ShardScopes scopes, Runnable job) {
		return scopes == null ? job : () -> scopes.forEachServedGroup(job);
	}

	/** A bound unit of work; closing it unbinds the thread. */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
