package io.zonepay.gateway.routing;

import java.nio.charset.StandardCharsets;

import io.zonepay.gateway.problem.ProblemWriter;
import io.zonepay.kernel.problem.CommonProblem;
import io.zonepay.kernel.zone.Shard;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The shard of a new user: the one the sign-up body asks for, or a random one. The body
 * is read once, with a size bound, and handed on unchanged; a body the gateway cannot
 * read is still forwarded, so the service answers it with its own validation problem.
 */
@Component
class NewUserShards {

	/** A sign-up body is a name and a shard; anything this large is not one. */
	static final int MAX_BODY_BYTES = 16 * 1024;

	private final JsonMapper json;

	private final ProblemWriter problems;

	NewUserShards(JsonMapper json, ProblemWriter problems) {
		this.json = json;
		this.problems = problems;
	}

	Mono<Chosen> shardOf(ServerWebExchange exchange) {
		return DataBufferUtils.join(exchange.getRequest().getBody(), MAX_BODY_BYTES).map(buffer -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			.map(bytes -> new Chosen(replay(exchange, bytes), requested(bytes)))
			.onErrorResume(DataBufferLimitException.class,
					ex -> problems
						.write(exchange, CommonProblem.PAYLOAD_TOO_LARGE,
								"a sign-up body is at most " + MAX_BODY_BYTES + " bytes")
						.then(Mono.empty()));
	}

	private Shard requested(byte[] body) {
		try {
			JsonNode shard = json.readTree(new String(body, StandardCharsets.UTF_8)).get("shard");
			if (shard != null && shard.isInt() && shard.intValue() >= 0 && shard.intValue() < Shard.COUNT) {
				return Shard.of(shard.intValue());
			}
		}
		catch (JacksonException ex) {
			// Not JSON: route anywhere; the service refuses it with a clear problem.
		}
		return RouteByShardGatewayFilterFactory.randomShard();
	}

	private static ServerWebExchange replay(ServerWebExchange exchange, byte[] body) {
		ServerHttpRequest request = new ServerHttpRequestDecorator(exchange.getRequest()) {
			@Override
			public Flux<DataBuffer> getBody() {
				return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body)));
			}
		};
		return exchange.mutate().request(request).build();
	}

	/** The exchange with its body readable again, and the shard to route by. */
	record Chosen(ServerWebExchange exchange, Shard shard) {
	}

}
