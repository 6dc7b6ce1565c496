package io.zonepay.service.shardgroup;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a zone takes, waits for and gives up shard leases.
 *
 * @param interval how often the zone compares its leases with the routing table while
 * leases move (a new owner takes a released lease within this: part of a move's pause)
 * @param rest how often it does once it holds what the table gives it (a new table wakes
 * it at once anyway)
 * @param drain how long a zone that lost a shard waits for the shard's work in flight
 * before it releases the lease
 * @param quiet how long a shard must have seen no new work before its lease is released:
 * a payment's next call to the ledger follows the previous one within this, and the
 * zone's other services (each learning the new table on its own) have stopped starting
 * work for the shard by then; a service whose {@code callers} have all said they released
 * the shard does not wait it out
 * @param handoff how long a new owner waits for a live previous owner to release before
 * it takes the lease anyway (the database fences the previous owner either way; waiting
 * only lets its work finish)
 * @param await how long a request for a shard this zone now serves waits for the lease
 * before it is refused
 * @param lockTimeout how long taking a lease waits for a row lock that a write in flight
 * holds
 * @param callers the zone's services that call this one within a shard's work (the
 * routing table's service names: {@code payment} for the ledger and the orders): once
 * each of them has released a shard it sends no more work for it, so this service
 * releases it as soon as its own work in flight is done, without the quiet wait
 */
@ConfigurationProperties("zonepay.shard-leases")
public record ShardLeaseProperties(@Nullable Duration interval, @Nullable Duration rest, @Nullable Duration drain,
		@Nullable Duration quiet, @Nullable Duration handoff, @Nullable Duration await, @Nullable Duration lockTimeout,
		@Nullable List<String> callers) {

	public ShardLeaseProperties {
		interval = interval == null ? Duration.ofMillis(50) : interval;
		rest = rest == null ? Duration.ofSeconds(1) : rest;
		drain = drain == null ? Duration.ofSeconds(5) : drain;
		quiet = quiet == null ? Duration.ofSeconds(1) : quiet;
		handoff = handoff == null ? Duration.ofSeconds(10) : handoff;
		await = await == null ? Duration.ofSeconds(3) : await;
		lockTimeout = lockTimeout == null ? Duration.ofSeconds(2) : lockTimeout;
		callers = callers == null ? List.of() : List.copyOf(callers);
	}
}
