package io.zonepay.gateway.ops;

import io.zonepay.gateway.admission.PriorityClass;
import io.zonepay.gateway.admission.ZoneAdmission;
import io.zonepay.gateway.routing.RoutedRequest;
import reactor.core.publisher.Mono;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Records every request routed to a zone in the {@link TrafficHistory} once it is
 * answered: its zone, status and latency, whether it was a payment, and whether this
 * gateway shed it.
 */
@Component
class TrafficRecorder implements WebFilter, Ordered {

	private static final String PAYMENTS = "/api/payments";

	private final TrafficHistory history;

	private final WaterLevels waterLevels;

	TrafficRecorder(TrafficHistory history, WaterLevels waterLevels) {
		this.history = history;
		this.waterLevels = waterLevels;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		return chain.filter(exchange).doFinally(signal -> record(exchange, System.nanoTime() - start));
	}

	private void record(ServerWebExchange exchange, long nanos) {
		RoutedRequest routed = RoutedRequest.of(exchange);
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		if (routed == null || status == null) {
			// Not routed (the gateway's own pages), or the client left before an answer.
			return;
		}
		String zone = routed.zone().value();
		boolean first = history.record(zone, status.value(), nanos, isPayment(exchange, status), shed(exchange));
		if (first) {
			waterLevels.watch(zone);
		}
	}

	/** A payment the zone took: {@code POST /api/payments} answered 2xx. */
	static boolean isPayment(ServerWebExchange exchange, HttpStatusCode status) {
		return status.is2xxSuccessful() && exchange.getRequest().getMethod() == HttpMethod.POST
				&& PAYMENTS.equals(exchange.getRequest().getPath().value());
	}

	/** The class of a request this gateway's admission shed, or null. */
	static @Nullable PriorityClass shed(ServerWebExchange exchange) {
		if (!Boolean.TRUE.equals(exchange.getAttribute(ZoneAdmission.SHED))) {
			return null;
		}
		PriorityClass priority = exchange.getAttribute(ZoneAdmission.PRIORITY);
		return priority == null ? PriorityClass.BACKGROUND : priority;
	}

	@Override
	public int getOrder() {
		// Just inside the access log, so that the latency covers what the gateway did,
		// refusals too.
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
