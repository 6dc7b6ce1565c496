package io.zonepay.gateway.routing;

import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * One line per request, refused ones included: method, path, status, latency, and where
 * it went (zone, shard, epoch) with its trace id, so a slow or failed request can be
 * followed into the zone's own logs. Logger {@code zonepay.access}; set it to
 * {@code warn} to turn the lines off.
 */
@Component
class AccessLog implements WebFilter, Ordered {

	private static final Logger log = LoggerFactory.getLogger("zonepay.access");

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long start = System.nanoTime();
		return chain.filter(exchange).doFinally(signal -> {
			if (log.isInfoEnabled()) {
				log(exchange, (System.nanoTime() - start) / 1_000_000.0);
			}
		});
	}

	private static void log(ServerWebExchange exchange, double millis) {
		HttpStatusCode status = exchange.getResponse().getStatusCode();
		RoutedRequest routed = RoutedRequest.of(exchange);
		log.info("{} {} {} {} ms zone={} shard={} epoch={} trace={}", exchange.getRequest().getMethod(),
				exchange.getRequest().getPath(), status == null ? "-" : status.value(), String.format("%.1f", millis),
				routed == null ? "-" : routed.zone(),
				routed == null || routed.shard() == null ? "-" : routed.shard().value(),
				routed == null ? "-" : routed.epoch(), traceId(exchange));
	}

	private static String traceId(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map(context -> context.<TracingObservationHandler.TracingContext>get(
					TracingObservationHandler.TracingContext.class))
			.map(TracingObservationHandler.TracingContext::getSpan)
			.map(span -> span.context().traceId())
			.orElse("-");
	}

	@Override
	public int getOrder() {
		// Outermost, so that its latency and status include everything the gateway did,
		// refusals too.
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
