package io.zonepay.gateway.routing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.Zone;
import io.zonepay.runtime.routing.RoutingTables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Sends a request again at the zone a newer routing table names, in two cases and no
 * other.
 * <ul>
 * <li>A {@code 421 WRONG_ZONE} means a zone already knows a newer routing table than this
 * gateway, and refused the request before doing anything. The gateway waits (briefly,
 * bounded) until its own table reaches that epoch, then sends the request once more, to
 * the zone the new table names.</li>
 * <li>A zone that cannot be reached (refused connection, its breaker open, the connection
 * dropped before any answer) is most likely failing over. A request that is safe to send
 * twice (a read, or a write with an {@code Idempotency-Key}: the key's record moves with
 * the shard group, so the new owner answers what the old one did, or does it once) is
 * <em>held</em> until the table names another zone for its shard, bounded by its
 * deadline, then sent there: a client does not see the zone die. A write without a key
 * gets the fast, honest 503 as before.</li>
 * </ul>
 * Any other answer, a second 421, or a table that does not change in time goes back to
 * the client as it is.
 */
@Component
class WrongZoneRetry implements GlobalFilter, Ordered {

	/**
	 * How long a request may wait for the gateway's table to catch up with the zone's: a
	 * few replication bounds, so a request caught in a planned move is served rather than
	 * refused while the city's copy catches up under load.
	 */
	private static final Duration CATCH_UP = Duration.ofSeconds(3);

	private static final Duration POLL = Duration.ofMillis(20);

	/**
	 * The longest a request is held for its zone's failover: a dead zone is failed over
	 * in about 2.5 s and a frozen one in about 3, so this covers either, and stays well
	 * within a client's patience (and the request's deadline).
	 */
	static final Duration HOLD = Duration.ofSeconds(6);

	/** What a held request keeps of its deadline for its second attempt. */
	private static final Duration LAST_ATTEMPT = Duration.ofSeconds(2);

	private final Clock clock = Clock.systemUTC();

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final RoutingTables tables;

	WrongZoneRetry(RoutingTables tables) {
		this.tables = tables;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		RoutedRequest routed = RoutedRequest.of(exchange);
		if (routed == null || routed.shard() == null) {
			return chain.filter(exchange);
		}
		// The body is sent again on a retry, so it is kept (the body limit has bounded it
		// already).
		return DataBufferUtils.join(exchange.getRequest().getBody())
			.map(WrongZoneRetry::bytes)
			.defaultIfEmpty(new byte[0])
			.flatMap(body -> {
				ServerWebExchange replayable = withBody(exchange, body);
				return chain.filter(replayable)
					.onErrorResume(failure -> holdable(replayable, failure),
							failure -> holdForFailover(replayable, chain, routed, failure))
					.then(Mono.defer(() -> retryIfMisrouted(replayable, chain, routed)));
			});
	}

	private Mono<Void> retryIfMisrouted(ServerWebExchange exchange, GatewayFilterChain chain, RoutedRequest first) {
		if (exchange.getResponse().getStatusCode() != HttpStatus.MISDIRECTED_REQUEST) {
			return Mono.empty();
		}
		long zoneEpoch = epochOf(exchange);
		if (zoneEpoch <= first.epoch()) {
			// The zone is behind this gateway, not ahead: a newer table here would not
			// change its mind.
			return Mono.empty();
		}
		return caughtUp(zoneEpoch).flatMap(table -> {
			Zone owner = table.ownerZoneOf(first.shard());
			URI endpoint = owner.endpoint(first.service()).orElse(null);
			if (owner.id().equals(first.zone()) || endpoint == null) {
				return Mono.<Void>empty();
			}
			return retry(exchange, chain, table, owner, endpoint, first);
		});
	}

	/**
	 * Whether a failed attempt may wait for a failover: the zone was not reached or
	 * dropped it unanswered, and sending it twice is safe.
	 */
	private static boolean holdable(ServerWebExchange exchange, Throwable failure) {
		ServerHttpRequest request = exchange.getRequest();
		boolean safeTwice = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD
				|| request.getHeaders().getFirst(IDEMPOTENCY_KEY) != null;
		return safeTwice && !exchange.getResponse().isCommitted()
				&& (ZoneBreakers.unreachable(failure) || ZoneBreakers.refusedByBreaker(failure));
	}

	/**
	 * Waits for a table that gives the request's shard to another zone, then sends it
	 * there; else the failure stands.
	 */
	private Mono<Void> holdForFailover(ServerWebExchange exchange, GatewayFilterChain chain, RoutedRequest first,
			Throwable failure) {
		Duration bound = holdBound(exchange);
		if (!bound.isPositive()) {
			return Mono.error(failure);
		}
		return Flux.interval(Duration.ZERO, POLL)
			.map(tick -> Optional.ofNullable(tables.current()))
			.filter(table -> table.isPresent() && table.get().epoch() > first.epoch()
					&& !table.get().ownerOf(first.shard()).equals(first.zone()))
			.map(Optional::get)
			.next()
			.timeout(bound, Mono.empty())
			.switchIfEmpty(Mono.error(failure))
			.flatMap(table -> {
				Zone owner = table.ownerZoneOf(first.shard());
				URI endpoint = owner.endpoint(first.service()).orElse(null);
				return endpoint == null ? Mono.<Void>error(failure)
						: retry(exchange, chain, table, owner, endpoint, first);
			});
	}

	/**
	 * How long this request may be held: the hold bound, less what its deadline needs
	 * kept for the second attempt.
	 */
	private Duration holdBound(ServerWebExchange exchange) {
		Deadline deadline = CallerSigningFilter.deadlineOf(exchange);
		if (deadline == null) {
			return HOLD;
		}
		Duration left = Duration.between(clock.instant(), deadline.at()).minus(LAST_ATTEMPT);
		return left.compareTo(HOLD) < 0 ? left : HOLD;
	}

	/**
	 * The gateway's table once it reaches the zone's epoch, or nothing if it does not in
	 * time.
	 */
	private Mono<RoutingTable> caughtUp(long epoch) {
		return Flux.interval(Duration.ZERO, POLL)
			.map(tick -> tables.current())
			.filter(table -> table != null && table.epoch() >= epoch)
			.next()
			.timeout(CATCH_UP, Mono.empty());
	}

	private Mono<Void> retry(ServerWebExchange exchange, GatewayFilterChain chain, RoutingTable table, Zone owner,
			URI endpoint, RoutedRequest first) {
		ZoneTargets.forgetAttempt(exchange);
		exchange.getResponse().getHeaders().remove("Retry-After");
		URI original = exchange.getRequest().getURI();
		exchange.getAttributes()
			.put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR,
					UriComponentsBuilder.fromUri(endpoint)
						.replacePath(original.getRawPath())
						.replaceQuery(original.getRawQuery())
						.build(true)
						.toUri());
		exchange.getAttributes()
			.put(RoutedRequest.ATTRIBUTE, new RoutedRequest(owner.id(), table.epoch(), first.shard(), first.service()));
		ServerWebExchange again = exchange.mutate()
			.request(builder -> builder
				.headers(headers -> headers.set(ZonePayHeaders.EPOCH, Long.toString(table.epoch()))))
			.build();
		return chain.filter(again);
	}

	private static long epochOf(ServerWebExchange exchange) {
		@Nullable String epoch = exchange.getResponse().getHeaders().getFirst(ZonePayHeaders.EPOCH);
		try {
			return epoch == null ? 0 : Long.parseLong(epoch.strip());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private static ServerWebExchange withBody(ServerWebExchange exchange, byte[] body) {
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				return body.length == 0 ? Flux.empty()
						: Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
		return exchange.mutate().request(request).build();
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	@Override
	public int getOrder() {
		// After the zone was chosen and the caller signed; around the breaker, so that a
		// retry counts for its zone.
		return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 5;
	}

}
