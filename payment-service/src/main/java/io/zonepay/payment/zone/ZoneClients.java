package io.zonepay.payment.zone;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.zonepay.kernel.identity.CallerSigner;
import io.zonepay.runtime.routing.RoutingTables;
import io.zonepay.service.zone.ZoneProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/**
 * The typed clients of the zone's other services, a breaker per service and the same
 * bounded retry policy, with a retry budget per service. Every call is observed: a client
 * span that hands the trace on in {@code traceparent}, and the
 * {@code http.client.requests} timer.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZoneCallProperties.class)
class ZoneClients {

	private static final String MAX_CONNECTIONS = "http.maxConnections";

	/** Idle connections kept per service; a bound, as every pool here has. */
	private static final int KEPT_CONNECTIONS = 64;

	private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();

	/**
	 * One client per service of the zone, whichever typed client calls it: one HTTP
	 * client and connection pool, as its breaker, retry and budget already are.
	 */
	private final Map<String, ZoneClient> clients = new ConcurrentHashMap<>();

	private final ObservationRegistry observations;

	ZoneClients(ObjectProvider<ObservationRegistry> observations) {
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
	}

	/**
	 * Every client's breaker, with its meters (resilience4j_circuitbreaker_state{name},
	 * calls, failure rate).
	 */
	@Bean
	CircuitBreakerRegistry zoneCallBreakers(MeterRegistry meters) {
		CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
		TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(meters);
		return breakers;
	}

	/** Every client's retry, with its meters (resilience4j_retry_calls{name,kind}). */
	@Bean
	RetryRegistry zoneCallRetries(MeterRegistry meters) {
		RetryRegistry retries = RetryRegistry.ofDefaults();
		TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
		return retries;
	}

	@Bean
	LedgerClient ledgerClient(ZoneCallProperties properties, ZoneProperties zone, RoutingTables tables,
			CallerSigner signer, CircuitBreakerRegistry breakers, RetryRegistry retries, JsonMapper json) {
		return new LedgerClient(clientOf("account", properties, zone, tables, signer, breakers, retries), json);
	}

	@Bean
	OrdersClient ordersClient(ZoneCallProperties properties, ZoneProperties zone, RoutingTables tables,
			CallerSigner signer, CircuitBreakerRegistry breakers, RetryRegistry retries, JsonMapper json) {
		return new OrdersClient(clientOf("order", properties, zone, tables, signer, breakers, retries), json);
	}

	@Bean
	UsersClient usersClient(ZoneCallProperties properties, ZoneProperties zone, RoutingTables tables,
			CallerSigner signer, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		return new UsersClient(clientOf("account", properties, zone, tables, signer, breakers, retries));
	}

	@Bean
	ReleasesTold releasesTold(ZoneCallProperties properties, ZoneProperties zone, RoutingTables tables,
			CallerSigner signer, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		return new ReleasesTold(
				Map.of("account", clientOf("account", properties, zone, tables, signer, breakers, retries), "order",
						clientOf("order", properties, zone, tables, signer, breakers, retries)));
	}

	private ZoneClient clientOf(String service, ZoneCallProperties properties, ZoneProperties zone,
			RoutingTables tables, CallerSigner signer, CircuitBreakerRegistry breakers, RetryRegistry retries) {
		return clients.computeIfAbsent(service,
				name -> client(name, properties, zone, tables, signer, breakers, retries, budgets, observations));
	}

	static ZoneClient client(String service, ZoneCallProperties properties, ZoneProperties zone, RoutingTables tables,
			CallerSigner signer, CircuitBreakerRegistry breakers, RetryRegistry retries,
			Map<String, RetryBudget> budgets, ObservationRegistry observations) {
		keepConnections();
		// A blocking client on the caller's own thread: the JDK's HttpClient hands every
		// exchange to its selector and worker threads, which cost the zone ~1.7 CPU-ms of
		// its ~11 per payment at saturation (docs/benchmarks.md, fifth session).
		UnstreamedRequests requests = new UnstreamedRequests(properties.connectTimeout(), properties.readTimeout());
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.failureRateThreshold(properties.failureRateThreshold())
			.slidingWindowSize(properties.slidingWindow())
			.minimumNumberOfCalls(Math.min(10, properties.slidingWindow()))
			.waitDurationInOpenState(properties.openFor())
			.recordExceptions(ZoneUnreachable.class)
			// A shard moving between zones is not a failing service: counting it would
			// open the breaker for every shard.
			.ignoreExceptions(ShardInHandover.class)
			.build();
		// One budget per service, however many clients call it: the registry hands them
		// all the same Retry.
		RetryBudget budget = budgets.computeIfAbsent(service,
				name -> new RetryBudget(properties.retryRatio(), properties.retryBurst()));
		RetryConfig retry = RetryConfig.custom()
			.maxAttempts(properties.maxAttempts())
			.intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.backoff(), 2.0, 0.5))
			.retryOnException(failure -> failure instanceof ZoneUnreachable && !(failure instanceof CallerGone)
					&& budget.allowsRetry())
			.build();
		RestClient rest = RestClient.builder().requestFactory(requests).observationRegistry(observations).build();
		return new ZoneClient(service, zone.id(), tables, signer, rest, breakers.circuitBreaker(service, breaker),
				retries.retry(service, retry), budget, properties.readTimeout());
	}

	/**
	 * The JDK keeps {@code http.maxConnections} idle connections per service (5 unless
	 * set) and reads it once, when it first keeps one: a zone calls with one connection
	 * per request in flight, and at its admission limits more than five are in use at
	 * once, so the rest would be opened and closed for every call.
	 */
	private static void keepConnections() {
		if (System.getProperty(MAX_CONNECTIONS) == null) {
			System.setProperty(MAX_CONNECTIONS, Integer.toString(KEPT_CONNECTIONS));
		}
	}

}
