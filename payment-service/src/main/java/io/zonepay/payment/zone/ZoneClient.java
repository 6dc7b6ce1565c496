package io.zonepay.payment.zone;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.zonepay.kernel.ZonePayHeaders;
import io.zonepay.kernel.traffic.Traffic;
import io.zonepay.kernel.traffic.TrafficScope;
import io.zonepay.kernel.deadline.Deadline;
import io.zonepay.kernel.zone.Shard;
import io.zonepay.service.deadline.Deadlines;
import io.zonepay.service.shardgroup.ShardContext;
import io.zonepay.kernel.identity.Caller;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.kernel.zone.RoutingTable;
import io.zonepay.kernel.zone.ZoneId;
import io.zonepay.runtime.routing.RoutingTables;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls one service of this zone (found in the routing table) as ZonePay itself, behind a
 * circuit breaker, and retries a call only when it is idempotent and the retry budget
 * allows. Answers every status the service gives; a missing answer or a 5xx is
 * {@link ZoneUnreachable}. Each attempt carries a deadline, its own timeout or the
 * request's deadline if that comes sooner, so that the service drops an attempt nobody
 * waits for any more; no attempt starts after the request's deadline (this client still
 * waits out its read timeout on an attempt already sent).
 */
final class ZoneClient {

	private final String service;

	private final ZoneId self;

	private final RoutingTables tables;

	private final CallerSigner signer;

	private final RestClient http;

	private final CircuitBreaker breaker;

	private final Retry retry;

	private final RetryBudget budget;

	private final Duration attemptTimeout;

	private final Clock clock = Clock.systemUTC();

	ZoneClient(String service, ZoneId self, RoutingTables tables, CallerSigner signer, RestClient http,
			CircuitBreaker breaker, Retry retry, RetryBudget budget, Duration attemptTimeout) {
		this.service = service;
		this.self = self;
		this.tables = tables;
		this.signer = signer;
		this.http = http;
		this.breaker = breaker;
		this.retry = retry;
		this.budget = budget;
		this.attemptTimeout = attemptTimeout;
	}

	/**
	 * @param idempotent whether the call may be repeated: only then is it retried
	 */
	Answer call(HttpMethod method, String path, @Nullable Object body, boolean idempotent) {
		budget.called();
		Deadline request = Deadlines.current();
		AtomicInteger attempts = new AtomicInteger();
		Supplier<Answer> guarded = () -> {
			if (attempts.getAndIncrement() > 0) {
				budget.spend();
			}
			return attempt(method, path, body, request);
		};
		if (idempotent) {
			guarded = Retry.decorateSupplier(retry, guarded);
		}
		try {
			return guarded.get();
		}
		catch (CallNotPermittedException ex) {
			throw new ZoneUnreachable(service + " is failing; its circuit breaker is open", ex);
		}
	}

	private Answer attempt(HttpMethod method, String path, @Nullable Object body, @Nullable Deadline request) {
		if (request != null && request.passed(clock)) {
			throw new CallerGone("the request's caller stopped waiting at " + request.at() + "; " + method + " " + path
					+ " to " + service + " not sent");
		}
		Deadline deadline = Deadline.in(attemptTimeout, clock).earlier(request);
		return breaker.executeSupplier(() -> send(method, path, body, deadline));
	}

	private Answer send(HttpMethod method, String path, @Nullable Object body, Deadline deadline) {
		// The callee keeps the work of a shadow payment on its shadow data, as this
		// service
		// does.
		Traffic traffic = TrafficScope.current();
		RestClient.RequestBodySpec request = http.method(method)
			.uri(endpoint().resolve(path))
			.header(ZonePayHeaders.CALLER,
					signer.sign(Caller.system(), method.name(), URI.create(path).getRawPath(), null, traffic))
			.header(ZonePayHeaders.DEADLINE, deadline.header())
			.accept(MediaType.APPLICATION_JSON);
		if (traffic.isShadow()) {
			// Signed in the assertion; the plain header is for whoever reads the logs.
			request.header(ZonePayHeaders.TRAFFIC, traffic.tag());
		}
		Shard shard = ShardContext.shard();
		if (shard != null) {
			// The callee serves the call from the same shard group, and counts it as the
			// shard's work in flight.
			request.header(ZonePayHeaders.SHARD, Integer.toString(shard.value()));
		}
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		try {
			Answer answer = request
				.exchange((req, res) -> new Answer(res.getStatusCode().value(), res.bodyTo(String.class)));
			// 421: the zone's other service no longer (or not yet) holds the shard's
			// lease, during a move: the caller
			// cannot finish here now, and settles it on a retry or through its
			// reconciler.
			if (answer.status() == 421) {
				throw new ShardInHandover(
						service + " does not hold the shard of " + method + " " + path + " at this moment");
			}
			if (answer.status() >= 500) {
				throw new ZoneUnreachable(service + " answered " + answer.status() + " to " + method + " " + path);
			}
			return answer;
		}
		catch (RestClientException ex) {
			// No answer in time, or an answer cut off while it was read (its body stream
			// closed under a timeout): either
			// way the caller cannot know what happened and must find out, never guess.
			throw new ZoneUnreachable(service + " gave no complete answer to " + method + " " + path, ex);
		}
	}

	private URI endpoint() {
		RoutingTable table = tables.current();
		if (table == null) {
			throw new ZoneUnreachable("no routing table yet: cannot find " + service);
		}
		return table.zone(self)
			.flatMap(zone -> zone.endpoint(service))
			.orElseThrow(() -> new ZoneUnreachable(self + " has no " + service + " service"));
	}

	/** Status and body of one answer. */
	record Answer(int status, @Nullable String body) {
	}

}
