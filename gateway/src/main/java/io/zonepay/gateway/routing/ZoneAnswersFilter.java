package io.zonepay.gateway.routing;

import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Notes every attempt sent to a zone, and whether the zone answered it
 * ({@link ZoneAnswers}): right around the filter that sends it, so that each retry of a
 * request counts as what it is, another attempt.
 */
@Component
class ZoneAnswersFilter implements GlobalFilter, Ordered {

	private final ZoneAnswers answers;

	ZoneAnswersFilter(ZoneAnswers answers) {
		this.answers = answers;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		RoutedRequest routed = RoutedRequest.of(exchange);
		if (routed == null) {
			return chain.filter(exchange);
		}
		String zone = routed.zone().value();
		return Mono.defer(() -> {
			answers.sent(zone);
			AtomicBoolean ended = new AtomicBoolean();
			Runnable end = () -> {
				if (ended.compareAndSet(false, true)) {
					answers.ended(zone, exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null);
				}
			};
			// Before the outcome goes on: a retry further out forgets the attempt's
			// response once it has it.
			return chain.filter(exchange).doOnTerminate(end).doOnCancel(end);
		});
	}

	@Override
	public int getOrder() {
		return NettyRoutingFilter.ORDER - 1;
	}

}
