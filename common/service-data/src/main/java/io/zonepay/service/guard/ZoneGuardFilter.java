package io.zonepay.service.guard;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.identity.CallerAssertion;
import io.zonepay.kernel.identity.Role;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.routing.RequestShard;
import io.zonepay.kernel.routing.RequestShards;
import io.zonepay.kernel.routing.ZoneGuard;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.identity.Callers;
import io.zonepay.service.problem.ProblemResponses;
import io.zonepay.service.shardgroup.ShardScopes;

import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any work is done, a request for a shard this zone does not serve at the
 * current epoch: {@code 421
 * WRONG_ZONE} naming the zone that does. Because nothing happened yet, the gateway may
 * safely retry elsewhere.
 */
final class ZoneGuardFilter extends OncePerRequestFilter {

	private final ZoneGuard guard;

	private final RoutingTables tables;

	private final ProblemResponses problems;

	private final @Nullable ShardScopes scopes;

	/**
	 * How long a request routed by a newer table than this zone's waits for it: the
	 * replication bound.
	 */
	private static final Duration CATCH_UP = Duration.ofSeconds(1);

	private static final Duration POLL = Duration.ofMillis(10);

	/**
	 * A call between the zone's services waits less for a lease than its caller waits for
	 * an answer (2 s).
	 */
	private static final Duration INTERNAL_LEASE_WAIT = Duration.ofMillis(1500);

	ZoneGuardFilter(ZoneGuard guard, RoutingTables tables, ProblemResponses problems, @Nullable ShardScopes scopes) {
		this.guard = guard;
		this.tables = tables;
		this.problems = problems;
		this.scopes = scopes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Shard shard = shardOf(request);
		if (shard == null) {
			Shard internal = internalShardOf(request);
			if (internal == null || scopes == null) {
				chain.doFilter(request, response);
			}
			else if (scopes.holds(internal)
					|| (servesNow(internal) && scopes.awaitLease(internal, INTERNAL_LEASE_WAIT))) {
				// A call from this zone's own service for a shard this zone still holds
				// (even one it is draining), or has
				// just been given: the calling service may have taken its own lease a
				// moment before this one.
				serveIn(internal, request, response, chain);
			}
			else {
				problems.write(request, response, CommonProblem.WRONG_ZONE,
						guard.self() + " does not hold the lease of shard " + internal, Map.of());
			}
			return;
		}
		switch (decide(shard, routedAt(request))) {
			case ZoneGuard.Decision.Serve serve -> {
				response.setHeader(ZonePayHeaders.EPOCH, Long.toString(serve.epoch()));
				if (scopes == null) {
					chain.doFilter(request, response);
				}
				else if (scopes.awaitLease(shard)) {
					serveIn(shard, request, response, chain);
				}
				else {
					response.setHeader("Retry-After", "1");
					problems.write(request, response, CommonProblem.ZONE_UNAVAILABLE,
							"shard " + shard + " is being handed over to " + guard.self() + "; retry shortly",
							Map.of());
				}
			}
			case ZoneGuard.Decision.WrongZone wrong -> {
				response.setHeader(ZonePayHeaders.EPOCH, Long.toString(wrong.epoch()));
				problems.write(request, response, CommonProblem.WRONG_ZONE,
						"shard " + wrong.shard() + " is served by " + wrong.owner() + " at epoch " + wrong.epoch()
								+ ", not by " + guard.self(),
						Map.of("zone", wrong.owner().value(), "epoch", wrong.epoch(), "shard", wrong.shard().value()));
			}
			case ZoneGuard.Decision.NoRoutingTable none -> {
				response.setHeader("Retry-After", "1");
				problems.write(request, response, CommonProblem.ZONE_UNAVAILABLE,
						guard.self() + " has not loaded a routing table yet", Map.of());
			}
		}
	}

	private void serveIn(Shard shard, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (ShardScopes.Scope ignored = Objects.requireNonNull(scopes).enter(shard)) {
			chain.doFilter(request, response);
		}
	}

	/**
	 * The guard's decision, once this zone's table is as new as the one the gateway
	 * routed by: a gateway that learned of a move a moment before the zone did must not
	 * have its request refused by a zone that is about to serve it.
	 */
	private ZoneGuard.Decision decide(Shard shard, long routedAt) {
		ZoneGuard.Decision decision = guard.decide(tables.current(), shard);
		long deadline = System.nanoTime() + CATCH_UP.toNanos();
		while (!(decision instanceof ZoneGuard.Decision.Serve) && tables.epoch() < routedAt
				&& System.nanoTime() < deadline) {
			LockSupport.parkNanos(POLL.toNanos());
			decision = guard.decide(tables.current(), shard);
		}
		return decision;
	}

	/** The epoch the gateway routed the request by, or 0 when it did not say. */
	private static long routedAt(HttpServletRequest request) {
		String epoch = request.getHeader(ZonePayHeaders.EPOCH);
		try {
			return epoch == null ? 0 : Long.parseLong(epoch.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private boolean servesNow(Shard shard) {
		return guard.decide(tables.current(), shard) instanceof ZoneGuard.Decision.Serve;
	}

	/**
	 * The shard a call between this zone's services names, trusted from a system caller
	 * only.
	 */
	private static @Nullable Shard internalShardOf(HttpServletRequest request) {
		String header = request.getHeader(ZonePayHeaders.SHARD);
		CallerAssertion assertion = Callers.assertion(request);
		if (header == null || assertion == null || !assertion.caller().has(Role.SYSTEM)) {
			return null;
		}
		try {
			return Shard.of(Integer.parseInt(header.strip()));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The shard the request acts on, or {@code null} when it is not tied to one. */
	private static @Nullable Shard shardOf(HttpServletRequest request) {
		CallerAssertion assertion = Callers.assertion(request);
		RequestShard source = RequestShards.of(request.getMethod(), request.getRequestURI());
		return switch (source) {
			case RequestShard.OfId ofId -> ofId.shard();
			case RequestShard.OfCaller ignored ->
				assertion == null || assertion.caller().user() == null ? null : assertion.caller().user().shard();
			case RequestShard.ChosenForNewUser ignored -> assertion == null ? null : assertion.shard();
			// A malformed id is the controller's to refuse with a clear validation
			// problem.
			case RequestShard.MalformedId ignored -> null;
			case RequestShard.Unsharded ignored -> null;
		};
	}

}
