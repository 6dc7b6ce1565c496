package io.zonepay.gateway.routing;

import java.util.concurrent.atomic.AtomicLong;

import io.zonepay.gateway.GatewayProperties;
import io.zonepay.gateway.problem.ProblemWriter;
import io.zonepay.kernel.problem.CommonProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Refuses request bodies beyond a bound with {@code 413 PAYLOAD_TOO_LARGE} before anything else looks at them: a
 * declared length at once, a body without one (chunked) as soon as it grows past the bound. Every API body is a few
 * hundred bytes; nothing a client may send needs more.
 */
@Component
class BodyLimit implements WebFilter, Ordered {

	private final long maxBytes;

	private final ProblemWriter problems;

	BodyLimit(GatewayProperties gateway, ProblemWriter problems) {
		this.maxBytes = gateway.maxBodySize().toBytes();
		this.problems = problems;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		long declared = exchange.getRequest().getHeaders().getContentLength();
		if (declared > maxBytes) {
			// The body is never read, so the connection cannot carry another request: the client must open a new one.
			exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
			return problems.write(exchange, CommonProblem.PAYLOAD_TOO_LARGE, "a request body is at most " + maxBytes + " bytes");
		}
		if (declared >= 0) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate().request(new ServerHttpRequestDecorator(exchange.getRequest()) {

			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
						DataBufferUtils.release(buffer);
						sink.error(new DataBufferLimitException("a request body is at most " + maxBytes + " bytes"));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		}).build());
	}

	@Override
	public int getOrder() {
		// Before authentication and routing: an oversized body is refused whoever sends it.
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}
}
