package io.zonepay.gateway.problem;

import java.util.LinkedHashMap;
import java.util.Map;

import io.zonepay.kernel.problem.ProblemCode;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes {@code application/problem+json} answers from gateway filters and error
 * handling.
 */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemCode problem, String detail) {
		return write(exchange, problem, detail, Map.of());
	}

	public Mono<Void> write(ServerWebExchange exchange, ProblemCode problem, String detail,
			Map<String, Object> properties) {
		ServerHttpResponse response = exchange.getResponse();
		if (response.isCommitted()) {
			return Mono.empty();
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("type", problem.type().toString());
		document.put("title", problem.title());
		document.put("status", problem.status());
		document.put("detail", detail);
		document.put("instance", exchange.getRequest().getPath().value());
		document.put("code", problem.code());
		document.putAll(properties);
		response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(document));
		return response.writeWith(Mono.just(body));
	}

}
